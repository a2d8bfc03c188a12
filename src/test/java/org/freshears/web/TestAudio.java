package org.freshears.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Test signals as 16-bit stereo WAV bytes, built in code. */
final class TestAudio {
    private TestAudio() {}

    /** A chord of sines plus a little noise, slightly different left and right, at about −14 dBFS RMS. */
    static byte[] wav(double seconds, int rate, long seed) {
        int frames = (int) Math.round(seconds * rate);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(frames * 4);
        Random rnd = new Random(seed);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double env = 0.6 + 0.4 * Math.sin(2 * Math.PI * 0.5 * t);
            double m = env * (0.25 * Math.sin(2 * Math.PI * 110 * t) + 0.12 * Math.sin(2 * Math.PI * 440 * t)
                    + 0.05 * Math.sin(2 * Math.PI * 3000 * t));
            double l = m + 0.02 * rnd.nextGaussian(), r = m + 0.02 * rnd.nextGaussian();
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, l)) * 32767));
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, r)) * 32767));
        }
        return b.array();
    }

    /** A multipart/form-data body: text fields, then files as (field, filename, bytes). */
    static final class Multipart {
        final String boundary = "----freshears" + Long.toHexString(new Random().nextLong());
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] build() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
