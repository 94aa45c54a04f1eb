package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
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
  }

  @Test
  void aDetailInTheDomainsOwnWordsStaysButItsTitleIsTranslated() {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-request", "'MON-SUN': ranges are missing");
    localization.localize(problem, Locale.SIMPLIFIED_CHINESE);
    assertThat(problem.getTitle()).isEqualTo("请求无效");
    assertThat(problem.getDetail()).isEqualTo("'MON-SUN': ranges are missing");
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
