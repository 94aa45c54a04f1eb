package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.onlinechat.ChatLanguage;
import org.junit.jupiter.api.Test;

class FaqImportTest {

  @Test
  void rowsSharingAnIdFormOneFaqAndBadRowsAreReportedWhileGoodOnesAreKept() {
    FaqImport.Result result =
        FaqImport.read(
            """
            faq_id,question,example,answer,lang
            refund,How long does a refund take?,"When, exactly, do I get my money?",3-5 days.,en
            refund,,Refund not received,,en
            refund,退款多久到账？,钱什么时候退回来,3-5个工作日。,zh
            ,orphan,,x,en
            bad,q,,a,fr
            empty,,,a,en
            noanswer,q,,,en
            """);
    assertThat(result.rows()).isEqualTo(7);
    assertThat(result.faqs()).hasSize(2);
    FaqImport.Faq en = result.faqs().get(0);
    assertThat(en.lang()).isEqualTo(ChatLanguage.EN);
    assertThat(en.question()).isEqualTo("How long does a refund take?");
    assertThat(en.examples())
        .containsExactly(
            "How long does a refund take?",
            "When, exactly, do I get my money?",
            "Refund not received");
    assertThat(result.problems())
        .extracting(FaqImport.Problem::row, FaqImport.Problem::problem)
        .anySatisfy(p -> assertThat(p.toList()).containsExactly(4, "faq_id is empty"))
        .anySatisfy(p -> assertThat(p.toList().get(1).toString()).contains("\"fr\""))
        .anySatisfy(
            p -> assertThat(p.toList()).containsExactly(6, "neither question nor example is given"))
        .anySatisfy(
            p -> assertThat(p.toList().get(1).toString()).contains("noanswer (en) has no answer"));
  }

  @Test
  void aFileWithoutTheColumnsIsRefusedNamingThem() {
    assertThatThrownBy(() -> FaqImport.read("id,text\n1,x\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[faq_id, question, example, answer, lang]");
  }

  @Test
  void anOutOfScopeEntryHasNoAnswerAndABadKindIsAPerRowProblem() {
    FaqImport.Result result =
        FaqImport.read(
            """
            faq_id,question,example,answer,lang,kind
            not-ours,Can I get a car loan?,,,en,out_of_scope
            not-ours,,how do I finance a car,,en,
            not-ours,,what about a mortgage,,en,faq
            not-ours-zh,能办车贷吗,,,zh,Out-Of-Scope
            refund,How long does a refund take?,,3-5 days.,en,
            odd,q,,a,en,negative
            answered,q,,an answer,en,out_of_scope
            """);
    assertThat(result.faqs())
        .extracting(FaqImport.Faq::faqId, FaqImport.Faq::outOfScope, FaqImport.Faq::answer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("not-ours", true, ""),
            org.assertj.core.groups.Tuple.tuple("not-ours-zh", true, ""),
            org.assertj.core.groups.Tuple.tuple("refund", false, "3-5 days."));
    assertThat(result.faqs().get(0).examples())
        .containsExactly("Can I get a car loan?", "how do I finance a car");
    assertThat(result.problems())
        .extracting(FaqImport.Problem::row)
        .containsExactlyInAnyOrder(3, 6, 7);
    assertThat(result.problems())
        .extracting(FaqImport.Problem::problem)
        .anySatisfy(p -> assertThat(p).contains("kind faq differs from out_of_scope", "row 1"))
        .anySatisfy(p -> assertThat(p).contains("\"negative\" is neither faq"))
        .anySatisfy(p -> assertThat(p).contains("answered (en) has an answer"));
  }

  @Test
  void theOldColumnsWithoutAKindStillImportFaqs() {
    FaqImport.Result result =
        FaqImport.read("faq_id,question,example,answer,lang\nrefund,How long?,,3-5 days.,en\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.faqs()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo("faq"));
  }
}
