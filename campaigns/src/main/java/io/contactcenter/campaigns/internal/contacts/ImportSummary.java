package io.contactcenter.campaigns.internal.contacts;

/**
 * What one read of a contact file found.
 *
 * @param rows data rows seen, blank rows not counted; always {@code valid + rejected}
 * @param valid rows reported as {@link ContactRow.Valid}
 * @param rejected rows reported as {@link ContactRow.Rejected}
 * @param bytes bytes read from the stream, which is the file size as the reader reads to the end
 * @param charset the detected character set: {@code UTF-8}, {@code UTF-16LE}, {@code UTF-16BE} or
 *     {@code GB18030}
 */
public record ImportSummary(long rows, long valid, long rejected, long bytes, String charset) {}
