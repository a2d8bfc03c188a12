package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Our own AIFF and AIFF-C header parser: finds {@code COMM} and {@code SSND}, skips other chunks, reads the
 * 80-bit extended sample rate, and maps AIFF-C compression types to {@link PcmEncoding}s.
 *
 * <p>Channel positions: {@link ChannelLayout#byCount} (for 5 and 6 channels the WAV/SMPTE order L R C (LFE) Ls Rs).
 * The AIFF-C specification's own orders differ (3 channels L C R, 4 channels FL FR RL RR or L C R S, 6 channels
 * L Lc C R Rc S, none with an LFE), while current writers state theirs in a {@code CHAN} chunk (ffmpeg writes 5.1
 * in the SMPTE order with the CoreAudio tag MPEG_5_1_A there), which is not read: a multichannel AIFF in another
 * order is weighted, and its first two channels taken as left and right, as if it were in the SMPTE one.
 */
final class AiffParser {
    private AiffParser() {
    }

    static PcmLayout parse(FileChannel ch, long fileSize, String name) throws IOException, UnreadableAudioException {
        boolean aifc = FileBytes.fourCc(FileBytes.readAt(ch, 0, 12, ByteOrder.BIG_ENDIAN), 8).equals("AIFC");
        String format = aifc ? "aifc" : "aiff";
        List<String> warnings = new ArrayList<>();
        ByteBuffer comm = null;
        long dataStart = -1;
        long ssndBytes = 0;
        long pos = 12;
        while (pos + 8 <= fileSize) {
            ByteBuffer hdr = FileBytes.readAt(ch, pos, 8, ByteOrder.BIG_ENDIAN);
            String id = FileBytes.fourCc(hdr, 0);
            long size = FileBytes.u32(hdr, 4);
            if (id.equals("COMM")) {
                comm = FileBytes.readAt(ch, pos + 8, (int) Math.min(size, 64), ByteOrder.BIG_ENDIAN);
            } else if (id.equals("SSND")) {
                long offset = FileBytes.u32(FileBytes.readAt(ch, pos + 8, 8, ByteOrder.BIG_ENDIAN), 0);
                dataStart = pos + 16 + offset;
                ssndBytes = Math.max(0, size - 8 - offset);
                if (comm != null) break;
            }
            pos += 8 + size + (size & 1);
        }
        if (comm == null || comm.limit() < 18) {
            throw new UnreadableAudioException(name + ": AIFF file has no complete COMM chunk; it is damaged or incomplete");
        }
        int channels = comm.getShort(0);
        long frames = FileBytes.u32(comm, 2);
        int bits = comm.getShort(6);
        double rate = extended(comm, 8);
        if (channels <= 0) throw new UnreadableAudioException(name + ": AIFF header declares " + channels + " channels");
        if (!(rate >= 0.5) || rate > Integer.MAX_VALUE) {
            throw new UnreadableAudioException(name + ": AIFF header declares a sample rate of " + (long) rate + " Hz");
        }
        String compression = aifc && comm.limit() >= 22 ? FileBytes.fourCc(comm, 18) : "NONE";
        PcmEncoding enc = encoding(compression, bits, name);
        int frameBytes = channels * enc.bytes;
        int sampleRate = (int) Math.round(rate);
        if (dataStart < 0) {
            if (frames > 0) warnings.add("AIFF file has no SSND chunk: it holds no audio");
            return new PcmLayout(format, enc, channels, sampleRate, frameBytes, fileSize, 0, frames > 0 ? frames : -1, warnings,
                    ChannelLayout.byCount(channels));
        }
        long available = Math.max(0, fileSize - dataStart);
        long declaredBytes = frames * frameBytes;
        long readable = Math.min(available, declaredBytes);
        if (ssndBytes < declaredBytes && ssndBytes < available) {
            warnings.add("AIFF sound data chunk is smaller than the COMM chunk announces; read the audio up to the end of the file");
        }
        return new PcmLayout(format, enc, channels, sampleRate, frameBytes, dataStart, readable, frames, warnings,
                ChannelLayout.byCount(channels));
    }

    private static PcmEncoding encoding(String compression, int bits, String name) throws UnreadableAudioException {
        int bytes = (bits + 7) / 8;
        switch (compression) {
            case "NONE", "twos" -> {
                return switch (bytes) {
                    case 1 -> PcmEncoding.S8;
                    case 2 -> PcmEncoding.S16BE;
                    case 3 -> PcmEncoding.S24BE;
                    case 4 -> PcmEncoding.S32BE;
                    default -> throw new UnreadableAudioException(name + ": AIFF with " + bits + "-bit samples is not supported");
                };
            }
            case "sowt" -> {
                return switch (bytes) {
                    case 1 -> PcmEncoding.S8;
                    case 2 -> PcmEncoding.S16LE;
                    case 3 -> PcmEncoding.S24LE;
                    case 4 -> PcmEncoding.S32LE;
                    default -> throw new UnreadableAudioException(name + ": AIFF-C sowt with " + bits + "-bit samples is not supported");
                };
            }
            case "raw " -> {
                return PcmEncoding.U8;
            }
            case "in24" -> {
                return PcmEncoding.S24BE;
            }
            case "in32" -> {
                return PcmEncoding.S32BE;
            }
            case "fl32", "FL32" -> {
                return PcmEncoding.F32BE;
            }
            case "fl64", "FL64" -> {
                return PcmEncoding.F64BE;
            }
            default -> throw new UnreadableAudioException(name + ": AIFF-C with '" + compression.strip()
                    + "' compression is not supported; convert to uncompressed AIFF, WAV or FLAC");
        }
    }

    /** Reads an IEEE 754 80-bit extended float (sign, 15-bit exponent, 64-bit mantissa with explicit integer bit). */
    static double extended(ByteBuffer b, int index) {
        int se = b.getShort(index) & 0xFFFF;
        long mantissa = b.getLong(index + 2);
        int exponent = (se & 0x7FFF) - 16383;
        if ((se & 0x7FFF) == 0 && mantissa == 0) return 0;
        if ((se & 0x7FFF) == 0x7FFF) return Double.NaN;
        double hi = Math.scalb((double) (mantissa >>> 32), exponent - 31);
        double lo = Math.scalb((double) (mantissa & 0xFFFFFFFFL), exponent - 63);
        double value = hi + lo;
        return (se & 0x8000) != 0 ? -value : value;
    }
}
