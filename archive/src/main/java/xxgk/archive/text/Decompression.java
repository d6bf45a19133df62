package xxgk.archive.text;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * How far one original may expand while it is read: the members of a ZIP (and archives within it) and any other
 * decompressed stream, capped in bytes per member, in bytes and ratio altogether, and in depth. One per original
 * read; the one place these limits live, for text extraction and for the report parser alike.
 *
 * <p>A bomb (a megabyte that inflates to gigabytes, or archives nested without end) is stopped as soon as it crosses
 * a limit, before it costs the memory or the disk; what was read until then stays usable.
 */
public final class Decompression {

    /** A single member larger than this is read no further: the original is TRUNCATED. */
    public static final long MAX_MEMBER_BYTES = 64L << 20;
    /** All members together; beyond this the original is a BOMB. */
    public static final long MAX_TOTAL_BYTES = 256L << 20;
    /** Expanded bytes per compressed byte, once past {@link #RATIO_FLOOR}; beyond this the original is a BOMB. */
    public static final int MAX_RATIO = 100;
    static final long RATIO_FLOOR = 1L << 20;
    /** Archives within archives; deeper ones are a BOMB. */
    public static final int MAX_DEPTH = 3;

    /** Why reading stopped short. */
    public enum Verdict { TRUNCATED, BOMB }

    /** Reading stopped at a limit; what was read before it may still be used. */
    public static final class LimitException extends IOException {
        private final Verdict verdict;

        LimitException(Verdict verdict, String message) {
            super(message);
            this.verdict = verdict;
        }

        public Verdict verdict() {
            return verdict;
        }
    }

    private final long compressedSize;
    private long expanded;
    private int depth;
    private LimitException stopped;

    /** compressedSize: the original's size in bytes, for the ratio. */
    public Decompression(long compressedSize) {
        this.compressedSize = Math.max(1, compressedSize);
    }

    /** The first limit crossed, if any. */
    public Optional<LimitException> stopped() {
        return Optional.ofNullable(stopped);
    }

    /** A member's stream, counted against the limits: reading past one throws {@link LimitException}. */
    public InputStream member(InputStream in) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (stopped != null) {
                    throw stopped;
                }
                int n = super.read(b, off, len);
                if (n > 0) {
                    read += n;
                    expanded += n;
                    check(read);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
            }
        };
    }

    /** A member's bytes, read whole (the report parser needs them so), within the limits. */
    public byte[] readMember(InputStream in) throws IOException {
        return member(in).readAllBytes();
    }

    /** Enters an archive within the original; call {@link #leave()} when done with it. */
    public void enter() throws LimitException {
        if (++depth > MAX_DEPTH) {
            throw stop(Verdict.BOMB, "archives nested more than " + MAX_DEPTH + " deep");
        }
    }

    public void leave() {
        depth--;
    }

    private void check(long member) throws LimitException {
        if (expanded > MAX_TOTAL_BYTES) {
            throw stop(Verdict.BOMB, "members expand to more than " + (MAX_TOTAL_BYTES >> 20) + " MB");
        }
        if (expanded > RATIO_FLOOR && expanded / compressedSize > MAX_RATIO) {
            throw stop(Verdict.BOMB, "expands more than " + MAX_RATIO + " times (" + compressedSize + " bytes to over " + expanded + ")");
        }
        if (member > MAX_MEMBER_BYTES) {
            throw stop(Verdict.TRUNCATED, "a member larger than " + (MAX_MEMBER_BYTES >> 20) + " MB was read no further");
        }
    }

    private LimitException stop(Verdict verdict, String why) {
        if (stopped == null) {
            stopped = new LimitException(verdict, why);
        }
        return stopped;
    }
}
