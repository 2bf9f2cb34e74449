package dev.vigil.kafka.internal;

import dev.vigil.kafka.CapturedRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads one partition from an offset up to its end, with a consumer of its own. */
public final class RecordReplay {
  private RecordReplay() {}

  /**
   * Reads {@code partition} from {@code fromOffset} up to its end offset at the call.
   *
   * @param bootstrapServers the cluster
   * @param partition the partition
   * @param fromOffset the first offset
   * @return the records in offset order
   * @throws UnreachableClusterException when the end is not reached within the API timeout
   */
  public static List<CapturedRecord> read(
      String bootstrapServers, TopicPartition partition, long fromOffset) {
    List<CapturedRecord> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(ClientSettings.consumer(bootstrapServers, "vigil-kafka-replay"))) {
      consumer.assign(List.of(partition));
      long end =
          consumer
              .endOffsets(List.of(partition), ClientSettings.API_TIMEOUT)
              .getOrDefault(partition, 0L);
      consumer.seek(partition, fromOffset);
      long giveUpAt = System.nanoTime() + ClientSettings.API_TIMEOUT.toNanos();
      while (consumer.position(partition) < end) {
        if (System.nanoTime() - giveUpAt > 0) {
          throw new UnreachableClusterException(
              bootstrapServers,
              ClientSettings.API_TIMEOUT,
              new IllegalStateException(
                  "read " + records.size() + " records of " + partition + " before the end"));
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (record.offset() < end) {
            records.add(RecordConversion.captured(record));
          }
        }
      }
    }
    return records;
  }
}
