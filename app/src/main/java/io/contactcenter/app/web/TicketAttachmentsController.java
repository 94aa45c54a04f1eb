package io.contactcenter.app.web;

import io.contactcenter.tickets.TicketAttachment;
import io.contactcenter.tickets.TicketAttachments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos on tickets. A download is always served as a download of the type its content showed, with
 * {@code nosniff} and a sandboxing content security policy, so a file can never run as a page of
 * this site whatever bytes it holds.
 */
@RestController
@Tag(name = "tickets", description = "Tickets from every channel, with SLA clocks")
class TicketAttachmentsController {

  private final TicketAttachments attachments;

  TicketAttachmentsController(TicketAttachments attachments) {
    this.attachments = attachments;
  }

  @Operation(
      summary = "Attach a photo (JPEG or PNG by content; metadata removed)",
      description =
          "415 when the content is no JPEG or PNG photo, 413 over cc.tickets.attachments.max-size,"
              + " 422 when the ticket has cc.tickets.attachments.max-per-ticket photos.")
  @PostMapping(
      path = "/api/v1/tickets/{id}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<TicketAttachment> attach(
      @PathVariable String id, @RequestParam("file") MultipartFile file, Authentication user)
      throws IOException {
    TicketAttachment attached =
        attachments.attach(id, file.getOriginalFilename(), file.getBytes(), user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(attached);
  }

  @GetMapping("/api/v1/tickets/{id}/attachments")
  List<TicketAttachment> list(@PathVariable String id) {
    return attachments.list(id);
  }

  @GetMapping("/api/v1/tickets/{id}/attachments/{attachmentId}")
  ResponseEntity<?> download(@PathVariable String id, @PathVariable String attachmentId) {
    Optional<TicketAttachments.Photo> found = attachments.photo(id, attachmentId);
    if (found.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_FOUND,
              "ticket '"
                  + id.replaceAll("\\p{Cntrl}", "?")
                  + "' has no photo '"
                  + attachmentId.replaceAll("\\p{Cntrl}", "?")
                  + "'");
      problem.setType(URI.create("urn:cc:problem:attachment-not-found"));
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    TicketAttachments.Photo photo = found.get();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.attachment().contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(photo.attachment().fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(photo.bytes());
  }
}
