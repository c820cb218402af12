package news.pipeline.producer.watch;

/**
 * What a listing tells about one file: its path relative to the watched folder ({@code /}
 * separators), size and last-modified time. Together they identify one version of a file: a file
 * rewritten in place gets a new state and is published again.
 *
 * @param path relative path with {@code /} separators
 * @param size bytes
 * @param modifiedMillis last-modified time, epoch milliseconds
 */
public record FileState(String path, long size, long modifiedMillis) {}
