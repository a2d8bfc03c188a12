package org.freshears.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowingFileTest {
    @TempDir
    Path dir;

    /** Reads the channel to its end with reads of varying size, as a decoder does. */
    private static byte[] readAll(FileChannel ch, long seed) throws IOException {
        Random rnd = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            ByteBuffer b = ByteBuffer.allocate(1 + rnd.nextInt(9000));
            int n = ch.read(b);
            if (n < 0) return out.toByteArray();
            out.write(b.array(), 0, b.position());
        }
    }

    @Test
    void aReaderRunningBesideTheWriterReadsExactlyTheBytesWritten() throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(1).nextBytes(data);
        GrowingFile f = new GrowingFile(dir.resolve("up"));
        CompletableFuture<byte[]> read;
        try (FileChannel ch = f.reader(data.length + 1000)) {
            read = CompletableFuture.supplyAsync(() -> {
                try {
                    return readAll(ch, 2);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Random rnd = new Random(3);
            for (int at = 0; at < data.length; ) {
                int n = Math.min(data.length - at, 1 + rnd.nextInt(70_000));
                f.append(ByteBuffer.wrap(data, at, n));
                at += n;
            }
            f.complete();
            assertArrayEquals(data, read.get(60, TimeUnit.SECONDS), "no byte early, none missing, end-of-file at the end");
            assertEquals(data.length, ch.size(), "the true size once the file is whole");
        }
        assertTrue(f.isWhole());
    }

    @Test
    void untilTheFileIsWholeItsSizeIsTheBoundAndReadsWaitForTheirBytes() throws Exception {
        GrowingFile f = new GrowingFile(dir.resolve("up"));
        try (FileChannel ch = f.reader(1000)) {
            f.append(ByteBuffer.wrap(new byte[100]));
            assertEquals(1000, ch.size());
            // a read within what is written returns at once
            ByteBuffer b = ByteBuffer.allocate(60);
            assertEquals(60, ch.read(b, 40));
            // a read past it waits until the writer finishes, then gets what is there
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return ch.read(ByteBuffer.allocate(500), 50);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            f.append(ByteBuffer.wrap(new byte[20]));
            f.complete();
            assertEquals(70, waiting.get(60, TimeUnit.SECONDS), "the 70 bytes from 50 to the end of the whole file");
            assertEquals(-1, ch.read(ByteBuffer.allocate(10), 120));
            assertEquals(120, ch.size());
        }
    }

    @Test
    void aReaderWaitingOnAnUploadThatBreaksOffFailsWithTheReason() throws Exception {
        GrowingFile f = new GrowingFile(dir.resolve("up"));
        try (FileChannel ch = f.reader(1 << 20)) {
            f.append(ByteBuffer.wrap(new byte[10]));
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return ch.read(ByteBuffer.allocate(100), 0);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            f.fail("the upload broke off");
            ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause().getCause() instanceof IOException, e.toString());
            assertEquals("the upload broke off", e.getCause().getCause().getMessage());
            assertThrows(IOException.class, () -> ch.read(ByteBuffer.allocate(5), 0), "later reads fail too");
        }
        assertTrue(!f.isWhole());
        assertThrows(IllegalStateException.class, () -> f.append(ByteBuffer.wrap(new byte[1])));
    }
}
