package io.contactcenter.qa.internal.domain;

import java.util.List;

/**
 * Built-in English and Chinese phrases for the signal rules: a customer complaining or angry, and
 * an agent putting the customer on hold. A rule adds its own phrases to these.
 */
final class SignalLexicon {

  private SignalLexicon() {}

  private static final List<String> COMPLAINT_EN =
      List.of(
          "i want to complain",
          "make a complaint",
          "file a complaint",
          "this is unacceptable",
          "terrible service",
          "worst service",
          "ridiculous",
          "very disappointed",
          "so angry",
          "you are useless",
          "waste of my time",
          "speak to your manager",
          "talk to a supervisor",
          "i am fed up",
          "not happy at all",
          "report you");

  private static final List<String> COMPLAINT_ZH =
      List.of(
          "投诉", "太差了", "差劲", "不满意", "很生气", "气死我了", "骗人", "垃圾", "浪费时间", "找你们领导", "叫你们经理", "举报你们",
          "太过分了", "什么破");

  private static final List<String> HOLD_EN =
      List.of(
          "please hold",
          "hold on please",
          "one moment please",
          "bear with me",
          "let me check",
          "please wait a moment");

  private static final List<String> HOLD_ZH = List.of("请稍等", "稍等一下", "请您稍候", "我帮您查一下", "请不要挂机");

  /** The complaint phrases of a language ({@code null}: both). */
  static List<String> complaint(String language) {
    return of(language, COMPLAINT_EN, COMPLAINT_ZH);
  }

  /** The hold phrases of a language ({@code null}: both). */
  static List<String> hold(String language) {
    return of(language, HOLD_EN, HOLD_ZH);
  }

  private static List<String> of(String language, List<String> en, List<String> zh) {
    if ("en".equals(language)) {
      return en;
    }
    if ("zh".equals(language)) {
      return zh;
    }
    return java.util.stream.Stream.concat(en.stream(), zh.stream()).toList();
  }
}
