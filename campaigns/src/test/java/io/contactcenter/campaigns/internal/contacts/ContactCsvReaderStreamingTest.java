package io.contactcenter.campaigns.internal.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ContactCsvReaderStreamingTest {

  private static final int ROWS = 1_000_000;

  @Test
  void readsAMillionRowsOneAtATime() {
    GeneratedContacts file = new GeneratedContacts(ROWS);
    AtomicLong producedAtFirstRow = new AtomicLong(-1);
    AtomicLong progressReports = new AtomicLong();
    AtomicLong validSeen = new AtomicLong();
    ImportOptions options =
        ImportOptions.of("CN", ZoneId.of("Asia/Shanghai"))
            .withProgress(bytes -> progressReports.incrementAndGet());

    ImportSummary summary =
        new ContactCsvReader()
            .read(
                file,
                options,
                row -> {
                  if (producedAtFirstRow.get() < 0) {
                    producedAtFirstRow.set(file.produced());
                  }
                  if (row instanceof ContactRow.Valid) {
                    validSeen.incrementAndGet();
                  }
                });

    assertThat(summary.rows()).isEqualTo(ROWS);
    assertThat(summary.valid()).isEqualTo(ROWS);
    assertThat(summary.rejected()).isZero();
    assertThat(validSeen.get()).isEqualTo(ROWS);
    assertThat(summary.bytes()).isEqualTo(file.produced()).isGreaterThan(30_000_000);
    // The first contact was handed out while almost all of the 40 MB were still unread.
    assertThat(producedAtFirstRow.get()).isLessThan(256 * 1024);
    assertThat(progressReports.get()).isEqualTo(ROWS / 10_000 + 1);
  }

  /** A contact file made up as it is read, so the test itself never holds it in memory. */
  private static final class GeneratedContacts extends InputStream {

    private final int rows;
    private byte[] line = "phone,name,order_number,amount_due\r\n".getBytes(StandardCharsets.UTF_8);
    private int position;
    private int row;
    private long produced;

    GeneratedContacts(int rows) {
      this.rows = rows;
    }

    long produced() {
      return produced;
    }

    @Override
    public int read() {
      if (position == line.length && !nextLine()) {
        return -1;
      }
      produced++;
      return line[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == line.length && !nextLine()) {
        return -1;
      }
      int n = Math.min(length, line.length - position);
      System.arraycopy(line, position, buffer, offset, n);
      position += n;
      produced += n;
      return n;
    }

    private boolean nextLine() {
      if (row == rows) {
        return false;
      }
      row++;
      line =
          ("%d,\"Customer, %d\",SO%08d,%d.%02d\r\n"
                  .formatted(13_800_000_000L + row, row, row, row % 5000, row % 100))
              .getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }
}
