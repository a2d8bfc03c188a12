package org.freshears.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Not a unit test: {@code java ... org.freshears.audio.DecodeBenchmark speed|stream MINUTES RATE} writes a
 * 24-bit stereo WAV of that length to the temp folder, decodes it with 4096-frame blocks, prints timings
 * (speed: wall-clock and thread CPU time, the latter meaningful on a loaded machine) or peak heap and RSS
 * (stream), and deletes the file.
 */
public final class DecodeBenchmark {
    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int minutes = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        Path file = Files.createTempFile("freshears-bench", ".wav");
        try {
            writeWav(file, (long) minutes * 60 * rate, rate);
            if (mode.equals("speed")) {
                long[] ms = new long[12];
                long[] cpuMs = new long[ms.length];
                var threads = ManagementFactory.getThreadMXBean();
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    long c0 = threads.getCurrentThreadCpuTime();
                    long frames = decode(file);
                    ms[i] = (System.nanoTime() - t0) / 1_000_000;
                    cpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
                    if (frames != (long) minutes * 60 * rate) throw new IllegalStateException("frames " + frames);
                }
                System.out.println("decode wall ms per run: " + Arrays.toString(ms));
                System.out.println("decode thread CPU ms per run: " + Arrays.toString(cpuMs));
                long[] warm = Arrays.copyOfRange(ms, 4, ms.length);
                Arrays.sort(warm);
                System.out.println("warm median ms: " + warm[warm.length / 2] + ", best: " + warm[0]);
            } else {
                long t0 = System.nanoTime();
                long frames = decode(file);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long peakHeap = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
                }
                String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM ?");
                System.out.printf("frames %d in %d ms; file %d MB; peak heap (sum of pool peaks) %.1f MB; %s%n",
                        frames, ms, Files.size(file) >> 20, peakHeap / 1048576.0, hwm.replaceAll("\\s+", " "));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long decode(Path file) throws IOException, UnreadableAudioException {
        float[][] block = new float[2][4096];
        long frames = 0;
        double sink = 0;
        try (AudioSource source = AudioDecoder.open(file)) {
            int n;
            while ((n = source.read(block, 4096)) >= 0) {
                frames += n;
                sink += block[0][0] + block[1][n - 1];
            }
        }
        if (Double.isNaN(sink)) System.out.println("NaN");
        return frames;
    }

    private static void writeWav(Path file, long frames, int rate) throws IOException {
        long dataBytes = frames * 6;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, dataBytes + 36)).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 6).putShort((short) 6).putShort((short) 24)
                .put("data".getBytes()).putInt((int) dataBytes);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(h.array());
            byte[] chunk = new byte[6 * 65536];
            int seed = 1;
            for (int i = 0; i < chunk.length; i++) {
                seed = seed * 1103515245 + 12345;
                chunk[i] = (byte) (seed >> 16);
            }
            for (long written = 0; written < dataBytes; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, dataBytes - written));
            }
        }
    }
}
