package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.contactcenter.campaigns.internal.contacts.ContactCsvReader;
import io.contactcenter.campaigns.internal.contacts.ContactRow;
import io.contactcenter.campaigns.internal.contacts.ImportOptions;
import io.contactcenter.campaigns.internal.domain.CallWindow;
import io.contactcenter.common.Wording;
import io.contactcenter.ivr.FlowProblem;
import io.contactcenter.ivr.FlowRejectedException;
import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import io.contactcenter.outboundrobot.internal.YamlDialogueScripts;
import io.contactcenter.tickets.TicketStateConflictException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemLocalizationTest {

  private final ProblemLocalization localization = new ProblemLocalization(bundles());

  @Test
  void aChineseUserReadsTheProblemInChineseWithoutInternalIds() {
    ProblemDetail problem =
        problem(HttpStatus.NOT_FOUND, "campaign-not-found", "no campaign cmp-1");
    localization.localize(problem, Locale.SIMPLIFIED_CHINESE);
    assertThat(problem.getTitle()).isEqualTo("未找到");
    assertThat(problem.getDetail()).isEqualTo("该活动不存在。").doesNotContain("cmp-1");
    assertThat(problem.getType()).hasToString("urn:cc:problem:campaign-not-found");
  }

  @Test
  void englishDetailsKeepTheirApostrophesAndCountTheProblems() {
    ProblemDetail state = problem(HttpStatus.CONFLICT, "campaign-state", "cannot start cmp-1");
    localization.localize(state, Locale.ENGLISH);
    assertThat(state.getDetail()).startsWith("The campaign's state does not allow this now");

    ProblemDetail script = problem(HttpStatus.UNPROCESSABLE_ENTITY, "script-rejected", "x");
    script.setProperty("problems", List.of("a", "b"));
    localization.localize(script, Locale.SIMPLIFIED_CHINESE);
    assertThat(script.getDetail()).isEqualTo("话术有 2 处问题，未保存任何内容。");

    ProblemDetail flow = problem(HttpStatus.UNPROCESSABLE_ENTITY, "flow-rejected", "x");
    flow.setProperty("problems", List.of("a", "b", "c"));
    localization.localize(flow, Locale.SIMPLIFIED_CHINESE);
    assertThat(flow.getDetail()).isEqualTo("语音导航流程有 3 处问题，未保存任何内容。");
  }

  @Test
  void aRefusalNamesItsRuleInTheCallersLanguageWithItsValues() {
    ProblemDetail own =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "appeal-refused", "a different reviewer must");
    own.setProperty("reason", "own-review");
    own.setProperty("arguments", List.of("qa-li"));
    localization.localize(own, Locale.SIMPLIFIED_CHINESE);
    assertThat(own.getDetail()).isEqualTo("必须由另一位质检员处理：该复核是 qa-li 做的。");
    assertThat(own.getType()).hasToString("urn:cc:problem:appeal-refused");

    ProblemDetail window = problem(HttpStatus.UNPROCESSABLE_ENTITY, "appeal-refused", "closed");
    window.setProperty("reason", "window-closed");
    window.setProperty("arguments", List.of(7L, "2026-12-08T10:00:00Z"));
    localization.localize(window, Locale.ENGLISH);
    assertThat(window.getDetail())
        .isEqualTo("The appeal window of 7 days after the review closed at 2026-12-08T10:00:00Z.");

    ProblemDetail twice =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "calibration-refused", "qa-li has already");
    twice.setProperty("reason", "already-scored");
    localization.localize(twice, Locale.SIMPLIFIED_CHINESE);
    assertThat(twice.getDetail()).isEqualTo("你已经为这次校准打过分了，分数提交后不能再修改。");

    ProblemDetail unknown = problem(HttpStatus.UNPROCESSABLE_ENTITY, "appeal-refused", "as said");
    unknown.setProperty("reason", "no-such-rule");
    localization.localize(unknown, Locale.SIMPLIFIED_CHINESE);
    assertThat(unknown.getDetail()).as("no translation: the domain's words").isEqualTo("as said");
  }

  @Test
  void aDetailInTheDomainsOwnWordsStaysButItsTitleIsTranslated() {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-request", "'MON-SUN': ranges are missing");
    localization.localize(problem, Locale.SIMPLIFIED_CHINESE);
    assertThat(problem.getTitle()).isEqualTo("请求无效");
    assertThat(problem.getDetail()).isEqualTo("'MON-SUN': ranges are missing");
  }

  @Test
  void theAppsOwnWordsAreInTheCallersLanguage() {
    ProblemHandlers handlers = handlers();
    try {
      org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
      assertThat(
              handlers
                  .badParameter(
                      new BadParameterException(
                          "problem.parameter.enum", "state", "DRAFT, RUNNING"))
                  .getDetail())
          .isEqualTo("参数“state”应为以下之一：DRAFT, RUNNING。");
      assertThat(handlers.brokenUpload(null).getDetail()).contains("multipart/form-data 格式");
      org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.ENGLISH);
      assertThat(
              handlers
                  .badParameter(new BadParameterException("problem.parameter.instant", "from"))
                  .getDetail())
          .isEqualTo("The parameter 'from' must be an instant such as 2026-11-01T00:00:00Z.");
    } finally {
      org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }
    ProblemDetail noCall = handlers.noRobotCall(new RobotCallNotFoundException("robot-0f3a"));
    localization.localize(noCall, Locale.SIMPLIFIED_CHINESE);
    assertThat(noCall.getDetail()).isEqualTo("没有这通机器人呼叫。");
    assertThat(noCall.getStatus()).isEqualTo(404);
  }

  @Test
  void aModulesProblemIsWordedInTheCallersLanguageNamingTheWrongValue() {
    ProblemHandlers handlers = handlers();
    IllegalArgumentException unknownDay =
        catchIllegal(() -> CallWindow.parse("MON-FRY 09:00-21:00"));
    IllegalArgumentException overlap =
        catchIllegal(() -> CallWindow.parse("MON 09:00-12:00,11:00-14:00"));
    TicketStateConflictException closed =
        new TicketStateConflictException(
            "problem.ticket.status-closed-final",
            "a CLOSED ticket cannot become OPEN (closed is final)",
            new Wording("enum.ticket.CLOSED", "CLOSED"),
            new Wording("enum.ticket.OPEN", "OPEN"));
    try {
      LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
      ProblemDetail day = handlers.invalid(unknownDay);
      assertThat(day.getType()).hasToString("urn:cc:problem:invalid-request");
      assertThat(day.getDetail())
          .isEqualTo("“MON-FRY 09:00-21:00”：未知的星期“FRY”，请使用 MON、TUE、WED、THU、FRI、SAT 或 SUN。");
      // The nested problem (the ranges of one day) is worded in the same language.
      assertThat(handlers.invalid(overlap).getDetail())
          .isEqualTo("呼叫时段“MON 09:00-12:00,11:00-14:00”：MON：时间段 09:00-12:00 与 11:00-14:00 重叠。");
      ProblemDetail ticket = handlers.ticketState(closed);
      assertThat(ticket.getType()).hasToString("urn:cc:problem:ticket-state");
      assertThat(ticket.getDetail()).isEqualTo("“已关闭”的工单不能改为“处理中”（已关闭是最终状态）。");

      // A limit out of range names the field and the value given.
      IllegalArgumentException limit =
          catchIllegal(
              () ->
                  new io.contactcenter.campaigns.CampaignChanges(
                      null, null, 0, null, null, null, null));
      assertThat(handlers.invalid(limit).getDetail())
          .isEqualTo("maxConcurrent（同时进行的呼叫数）须在 1 到 1000 之间，而不是 0。");

      // A ticket's text too long names the field, its length and the limit.
      IllegalArgumentException subject =
          catchIllegal(
              () ->
                  new io.contactcenter.tickets.OpenTicketRequest(
                      "x".repeat(201),
                      null,
                      null,
                      "c-1",
                      null,
                      io.contactcenter.tickets.TicketChannel.ROBOT,
                      null,
                      null,
                      null,
                      null,
                      null,
                      "ops"));
      assertThat(handlers.invalid(subject).getDetail()).isEqualTo("subject 有 201 个字符，最多允许 200 个。");

      LocaleContextHolder.setLocale(Locale.ENGLISH);
      assertThat(handlers.invalid(subject).getDetail())
          .isEqualTo("subject is 201 characters long; at most 200 are allowed.");
      assertThat(handlers.invalid(limit).getDetail())
          .isEqualTo("maxConcurrent must be between 1 and 1000, not 0.");
      assertThat(handlers.invalid(unknownDay).getDetail())
          .isEqualTo(
              "'MON-FRY 09:00-21:00': unknown day 'FRY'; use MON, TUE, WED, THU, FRI, SAT or SUN.");
      assertThat(handlers.invalid(overlap).getDetail())
          .isEqualTo(
              "Call window 'MON 09:00-12:00,11:00-14:00': MON: the ranges 09:00-12:00 and"
                  + " 11:00-14:00 overlap.");
      assertThat(handlers.ticketState(closed).getDetail())
          .isEqualTo("A ticket that is Closed cannot become Open (closed is final).");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  @Test
  void rejectedContactRowsAreWordedInTheReadersLanguageAndInEnglishAsStored() {
    List<ContactRow.Rejected> rows = new java.util.ArrayList<>();
    new ContactCsvReader()
        .read(
            new java.io.ByteArrayInputStream(
                ("phone,tz,note\n110,Mars/Base,x\n1380013800a,Asia/Shanghai,y\n"
                        + "13800138000,Asia/Shanghai,a,b\n,,\"open\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            ImportOptions.of("CN", java.time.ZoneId.of("Asia/Shanghai")),
            row -> {
              if (row instanceof ContactRow.Rejected rejected) {
                rows.add(rejected);
              }
            });
    ProblemWording wording = new ProblemWording(bundles());
    assertThat(rows)
        .extracting(r -> wording.of(r.wording(), Locale.SIMPLIFIED_CHINESE))
        .containsExactly(
            "第 2 行：phone 列的号码“110”是紧急号码；另外，tz“Mars/Base”不是已知的时区（请填写 IANA 时区名，例如 Asia/Shanghai）",
            "第 3 行：phone 列的号码“1380013800a”含有数字和开头的“+”以外的字符",
            "第 4 行：有 4 列，但表头只有 3 列（含分隔符的值须放在英文双引号中）",
            "第 5 行：列“note”的引号没有闭合（值中的引号须写两次：\"\"）");
    // In English the bundle says what the reader stored: the same sentence.
    assertThat(rows)
        .allSatisfy(r -> assertThat(wording.of(r.wording(), Locale.ENGLISH)).isEqualTo(r.reason()));
  }

  @Test
  void nothingToCallIsSaidInTheReadersLanguageWithoutTheCampaignsId() {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "campaign-rejected",
            "campaign cmp-1 has no valid contact to call");
    localization.localize(problem, Locale.SIMPLIFIED_CHINESE);
    assertThat(problem.getDetail()).isEqualTo("该活动还没有可呼叫的联系人：请先上传联系人。");
    localization.localize(problem, Locale.ENGLISH);
    assertThat(problem.getDetail()).doesNotContain("cmp-1");
  }

  @Test
  void scriptAndFlowProblemsAreListedInTheReadersLanguage() {
    ScriptRejectedException rejected =
        new ScriptRejectedException(
            "pickup",
            List.of(
                ScriptProblem.of("steps.ask.next", "step-unknown", "unknown step 'nope'", "nope"),
                ScriptProblem.of(
                    "steps.ask.say.en",
                    "variable-unclosed",
                    "'${' is not closed with '}'",
                    "${",
                    "}")));
    FlowRejectedException flow =
        new FlowRejectedException(
            List.of(
                FlowProblem.of(
                    "nodes.main.no-match", "node-unknown", "unknown node 'nowhere'", "nowhere")));
    try {
      LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
      assertThat(handlers().flowRejected(flow).getProperties().get("problems"))
          .asString()
          .contains("path=nodes.main.no-match, code=node-unknown, message=未知节点“nowhere”");
      assertThat(handlers().scriptRejected(rejected).getProperties().get("problems"))
          .asString()
          .contains("path=steps.ask.next, code=step-unknown, message=未知步骤“nope”")
          .contains("message=“${”没有用“}”闭合");
      LocaleContextHolder.setLocale(Locale.ENGLISH);
      assertThat(handlers().flowRejected(flow).getProperties().get("problems"))
          .asString()
          .contains("message=unknown node 'nowhere'");
      assertThat(handlers().scriptRejected(rejected).getProperties().get("problems"))
          .asString()
          .contains("message=unknown step 'nope'")
          .contains("message='${' is not closed with '}'");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  @Test
  void aYamlSyntaxErrorIsASentenceInTheReadersLanguageWithLineAndColumn() {
    // A real parse: the second colon on line 3 (column 13) is where SnakeYAML stops.
    String source = "id: pickup\nversion: 1\nstart: hello: there\n";
    ScriptRejectedException rejected =
        catchThrowableOfType(
            ScriptRejectedException.class, () -> new YamlDialogueScripts().read("pickup", source));
    ScriptProblem script = rejected.problems().get(0);
    String parser = script.arguments().get(2);
    assertThat(parser).isEqualTo("mapping values are not allowed here");
    FlowRejectedException flow =
        new FlowRejectedException(List.of(FlowProblem.syntax(3, 5, "found undefined alias x")));
    try {
      LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
      assertThat(handlers().scriptRejected(rejected).getProperties().get("problems"))
          .asString()
          .contains(
              "path=line 3, column 13, code=syntax, message=第 3 行第 13 列：YAML 语法错误（" + parser + "）");
      assertThat(handlers().flowRejected(flow).getProperties().get("problems"))
          .asString()
          .contains("message=第 3 行第 5 列：YAML 语法错误（found undefined alias x）");
      LocaleContextHolder.setLocale(Locale.ENGLISH);
      assertThat(handlers().scriptRejected(rejected).getProperties().get("problems"))
          .asString()
          .contains("message=line 3, column 13: YAML syntax error (" + parser + ")");
      assertThat(handlers().flowRejected(flow).getProperties().get("problems"))
          .asString()
          .contains("message=line 3, column 5: YAML syntax error (found undefined alias x)");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  private static IllegalArgumentException catchIllegal(Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      return e;
    }
    throw new AssertionError("no IllegalArgumentException");
  }

  private static ProblemHandlers handlers() {
    return new ProblemHandlers(org.springframework.util.unit.DataSize.ofMegabytes(1), bundles());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }

  /** The bundles as the application configures them (application.yml, spring.messages). */
  private static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
