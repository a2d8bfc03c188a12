package org.freshears.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that one writer appends to (an upload as it arrives) while readers already read it: a reader's read
 * waits until the bytes it asks for are written, or the writer has finished (then it reads what is there, and
 * end-of-file after it), or the writer gave up (then it fails). Readers only ever see bytes that were written
 * completely, so what they read equals what a reader of the finished file reads.
 */
final class GrowingFile {
    private final Path path;
    private final FileChannel out;
    private final Object lock = new Object();
    private long written;
    private boolean complete;
    private String failure;

    /** Creates (truncates) {@code path} for writing. */
    GrowingFile(Path path) throws IOException {
        this.path = path;
        this.out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    Path path() {
        return path;
    }

    /** Appends all of {@code src}; the bytes become visible to readers once written. */
    void append(ByteBuffer src) throws IOException {
        long at;
        synchronized (lock) {
            if (complete || failure != null) throw new IllegalStateException("the file is closed for writing");
            at = written;
        }
        long pos = at;
        while (src.hasRemaining()) pos += out.write(src, pos);
        synchronized (lock) {
            written = pos;
            lock.notifyAll();
        }
    }

    /** Bytes written so far. */
    long size() {
        synchronized (lock) {
            return written;
        }
    }

    /** Whether the writer finished the file (it was not given up). */
    boolean isWhole() {
        synchronized (lock) {
            return complete;
        }
    }

    /** The writer is done: the file is whole; readers see end-of-file after the last byte. */
    void complete() throws IOException {
        out.close();
        synchronized (lock) {
            if (failure == null) complete = true;
            lock.notifyAll();
        }
    }

    /** The writer gave up (the upload broke off or was refused): waiting and later reads fail with {@code why}. */
    void fail(String why) {
        synchronized (lock) {
            if (!complete && failure == null) failure = why;
            lock.notifyAll();
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the writer is gone either way
        }
    }

    /**
     * Waits until {@code [position, position + want)} is written or the file is whole; returns how many bytes
     * from {@code position} may be read now (0 at the end of a whole file).
     */
    private long await(long position, long want) throws IOException {
        synchronized (lock) {
            while (failure == null && !complete && written < position + want) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the upload");
                }
            }
            if (failure != null) throw new IOException(failure);
            return Math.max(0, written - position);
        }
    }

    /**
     * A read-only channel on the file. Its {@link FileChannel#size() size} is {@code sizeBound} (an upper bound
     * of the final length, such as the request's length) until the file is whole, then the true length.
     */
    FileChannel reader(long sizeBound) throws IOException {
        return new Reader(FileChannel.open(path, StandardOpenOption.READ), sizeBound);
    }

    private final class Reader extends FileChannel {
        private final FileChannel in;
        private final long sizeBound;
        private long position;

        Reader(FileChannel in, long sizeBound) {
            this.in = in;
            this.sizeBound = sizeBound;
        }

        @Override
        public int read(ByteBuffer dst, long at) throws IOException {
            if (at < 0) throw new IllegalArgumentException("negative position");
            if (!dst.hasRemaining()) return 0;
            long ready = await(at, dst.remaining());
            if (ready == 0) return -1;
            int limit = dst.limit();
            if (ready < dst.remaining()) dst.limit(dst.position() + (int) ready);
            try {
                int total = 0;
                while (dst.hasRemaining()) {
                    int n = in.read(dst, at + total);
                    if (n < 0) break;
                    total += n;
                }
                return total == 0 ? -1 : total;
            } finally {
                dst.limit(limit);
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = read(dst, position);
            if (n > 0) position += n;
            return n;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                if (!dsts[i].hasRemaining()) continue;
                int n = read(dsts[i]);
                if (n < 0) return total == 0 ? -1 : total;
                total += n;
                if (dsts[i].hasRemaining()) break;
            }
            return total;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public FileChannel position(long newPosition) {
            if (newPosition < 0) throw new IllegalArgumentException("negative position");
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            synchronized (lock) {
                return complete ? written : Math.max(written, sizeBound);
            }
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new NonWritableChannelException();
        }

        @Override
        public int write(ByteBuffer src, long at) {
            throw new NonWritableChannelException();
        }

        @Override
        public FileChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public void force(boolean metaData) {
            // nothing is written through a reader
        }

        @Override
        public long transferTo(long at, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException("not supported on a file that is still arriving");
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long at, long count) {
            throw new NonWritableChannelException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long at, long size) {
            throw new UnsupportedOperationException("not supported on a file that is still arriving");
        }

        @Override
        public FileLock lock(long at, long size, boolean shared) {
            throw new UnsupportedOperationException("not supported on a file that is still arriving");
        }

        @Override
        public FileLock tryLock(long at, long size, boolean shared) {
            throw new UnsupportedOperationException("not supported on a file that is still arriving");
        }

        @Override
        protected void implCloseChannel() throws IOException {
            in.close();
        }
    }
}
