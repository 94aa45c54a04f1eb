package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FAQs suggested from the chat history (admins): refresh a language's suggestions, list them,
 * accept one as it is or edited (it becomes an FAQ), dismiss one.
 */
@RestController
class FaqSuggestionController {

  private final FaqSuggestions suggestions;

  FaqSuggestionController(FaqSuggestions suggestions) {
    this.suggestions = suggestions;
  }

  /** The open suggestions, of one language or both. */
  @GetMapping("/api/v1/kb/suggestions")
  List<FaqSuggestions.Suggestion> open(@RequestParam(required = false) String lang) {
    return suggestions.open(lang == null ? null : ChatLanguage.of(lang));
  }

  /** Groups the history again for one language; returns its open suggestions, largest first. */
  @PostMapping("/api/v1/kb/suggestions/refresh")
  List<FaqSuggestions.Suggestion> refresh(@RequestParam String lang) {
    return suggestions.refresh(ChatLanguage.of(lang));
  }

  /**
   * What the admin changed before accepting; every field is optional (null: the suggestion's).
   *
   * @param faqId the new FAQ's id (default {@code s-} and the suggestion id's first 8 characters)
   * @param examples other ways to ask it (default: the grouped questions)
   */
  record AcceptBody(
      String faqId, String question, List<String> examples, String answer, String category) {}

  @PostMapping("/api/v1/kb/suggestions/{id}/accept")
  ResponseEntity<JdbcKnowledgeBase.FaqRow> accept(
      @PathVariable String id, @RequestBody(required = false) AcceptBody body, Principal admin) {
    FaqSuggestions.Suggestion s =
        suggestions
            .find(id)
            .orElseThrow(
                () ->
                    new ChatRefusedException(
                        ChatRefusedException.Kind.NOT_FOUND,
                        "no suggestion " + id + " (the list may have been refreshed)"));
    AcceptBody edits = body == null ? new AcceptBody(null, null, null, null, null) : body;
    String faqId =
        edits.faqId() == null || edits.faqId().isBlank()
            ? "s-" + s.suggestionId().substring(0, 8)
            : edits.faqId().strip();
    if (!FaqEditor.FAQ_ID.matcher(faqId).matches()) {
      throw new IllegalArgumentException(
          "faqId must be 1-100 letters, digits or . _ - (starting with a letter or digit)");
    }
    String question =
        FaqEditor.required(
            "question", edits.question() == null ? s.title() : edits.question(), 500);
    String answer =
        FaqEditor.required("answer", edits.answer() == null ? s.answer() : edits.answer(), 4000);
    String category = edits.category() == null ? "" : edits.category().strip();
    if (category.length() > 100) {
      throw new IllegalArgumentException("category must be at most 100 characters");
    }
    Set<String> examples = new LinkedHashSet<>();
    examples.add(question);
    for (String example : edits.examples() == null ? s.questions() : edits.examples()) {
      if (example != null && !example.isBlank()) {
        examples.add(FaqEditor.required("an example", example, 500));
      }
    }
    if (examples.size() > 200) {
      throw new IllegalArgumentException("at most 200 examples per FAQ, got " + examples.size());
    }
    JdbcKnowledgeBase.FaqRow faq =
        suggestions.accept(
            id,
            new FaqImport.Faq(
                faqId, ChatLanguage.of(s.lang()), question, answer, category, examples),
            admin.getName());
    return ResponseEntity.status(201).body(faq);
  }

  @PostMapping("/api/v1/kb/suggestions/{id}/dismiss")
  ResponseEntity<Map<String, Object>> dismiss(@PathVariable String id, Principal admin) {
    suggestions.dismiss(id, admin.getName());
    return ResponseEntity.noContent().build();
  }
}
