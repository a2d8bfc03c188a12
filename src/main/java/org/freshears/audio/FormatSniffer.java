package org.freshears.audio;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Identifies a file's format from its first bytes (never from its name). Formats we cannot decode are named
 * in the exception so the user knows what to convert.
 */
final class FormatSniffer {
    /** Bytes of the file head that the sniffer looks at. */
    static final int PROBE_BYTES = 1 << 16;

    enum Kind { WAV, AIFF, FLAC, MP3, OGG_VORBIS }

    /** The format found and where its stream starts (after any ID3v2 tag). */
    record Sniffed(Kind kind, int offset) {
    }

    private FormatSniffer() {
    }

    static Sniffed sniff(byte[] head, int len, String name) throws UnreadableAudioException {
        if (len == 0) throw new UnreadableAudioException(name + ": empty file (0 bytes)");
        String id = ascii(head, len, 0, 4);
        String form = ascii(head, len, 8, 4);
        if ((id.equals("RIFF") || id.equals("RF64") || id.equals("BW64")) && form.equals("WAVE")) return new Sniffed(Kind.WAV, 0);
        if (id.equals("RIFF")) throw unsupported(name, "RIFF '" + form.strip() + "' files are not audio we can read");
        if (id.equals("FORM") && (form.equals("AIFF") || form.equals("AIFC"))) return new Sniffed(Kind.AIFF, 0);
        int start = skipId3(head, len);
        String at = ascii(head, len, start, 4);
        if (at.equals("fLaC")) return new Sniffed(Kind.FLAC, start);
        if (id.equals("OggS")) return new Sniffed(oggCodec(head, len, name), 0);
        String other = otherFormat(head, len, id);
        if (other != null) throw unsupported(name, other + " is not supported; convert to FLAC or WAV");
        int mp3 = findMpegFrames(head, len, start);
        if (mp3 >= 0) return new Sniffed(Kind.MP3, mp3);
        if (start > 0) throw new UnreadableAudioException(name + ": has an ID3 tag but no MP3 or FLAC audio after it");
        if (looksLikeText(head, len)) throw new UnreadableAudioException(name + ": this is a text file, not audio");
        throw new UnreadableAudioException(name + ": not a recognised audio file (we read WAV, AIFF, FLAC, MP3 and Ogg Vorbis)");
    }

    private static UnreadableAudioException unsupported(String name, String why) {
        return new UnreadableAudioException(name + ": " + why);
    }

    private static Kind oggCodec(byte[] b, int len, String name) throws UnreadableAudioException {
        int segments = len > 26 ? b[26] & 0xFF : 0;
        int p = 27 + segments;
        if (ascii(b, len, p + 1, 6).equals("vorbis") && p < len && b[p] == 1) return Kind.OGG_VORBIS;
        if (ascii(b, len, p, 8).equals("OpusHead")) throw unsupported(name, "Opus is not supported; convert to FLAC or WAV");
        if (ascii(b, len, p + 1, 4).equals("FLAC")) throw unsupported(name, "FLAC inside Ogg is not supported; convert to native FLAC or WAV");
        if (ascii(b, len, p, 5).equals("Speex")) throw unsupported(name, "Speex is not supported; convert to FLAC or WAV");
        throw unsupported(name, "Ogg file with an unsupported codec (only Ogg Vorbis is read); convert to FLAC or WAV");
    }

    private static String otherFormat(byte[] b, int len, String id) {
        if (ascii(b, len, 4, 4).equals("ftyp")) return "MP4/M4A audio (AAC or ALAC)";
        if (len >= 4 && (b[0] & 0xFF) == 0x30 && (b[1] & 0xFF) == 0x26 && (b[2] & 0xFF) == 0xB2 && (b[3] & 0xFF) == 0x75) return "WMA/ASF";
        if (len >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) return "Matroska/WebM audio";
        if (len >= 2 && (b[0] & 0xFF) == 0xFF && ((b[1] & 0xFF) & 0xF6) == 0xF0) return "AAC (ADTS)";
        return switch (id) {
            case "caff" -> "Core Audio Format (CAF)";
            case "MAC " -> "Monkey's Audio (APE)";
            case "wvpk" -> "WavPack";
            case "DSD " -> "DSD (DSF)";
            case "FRM8" -> "DSD (DFF)";
            case "TTA1" -> "TTA";
            case ".snd" -> "Sun/NeXT AU";
            case "MThd" -> "MIDI (notes, not recorded audio)";
            case "#!AM" -> "AMR";
            case "%PDF" -> "a PDF document, not audio; it";
            default -> id.startsWith("PK") ? "a ZIP archive, not audio; it" : null;
        };
    }

    private static int skipId3(byte[] b, int len) {
        if (len < 10 || !ascii(b, len, 0, 3).equals("ID3")) return 0;
        int size = (b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F);
        int end = 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0);
        return Math.min(end, len);
    }

    /** Offset of the first run of three chained MPEG frames in the probe, or -1. */
    private static int findMpegFrames(byte[] b, int len, int from) {
        byte[] probe = len == b.length ? b : java.util.Arrays.copyOf(b, len);
        for (int i = from; i + 4 <= len; i++) {
            if ((probe[i] & 0xFF) == 0xFF && MpegHeader.chainAt(probe, i, 3)) return i;
        }
        return -1;
    }

    private static boolean looksLikeText(byte[] b, int len) {
        int n = Math.min(len, 4096);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') return false;
            if (c == 0x7F) return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, n > 4 && n == 4096 ? trimUtf8(b, n) : n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Drops a UTF-8 sequence cut by the probe's end. */
    private static int trimUtf8(byte[] b, int n) {
        int i = n;
        while (i > n - 4 && (b[i - 1] & 0xC0) == 0x80) i--;
        return (b[i - 1] & 0x80) != 0 ? i - 1 : n;
    }

    private static String ascii(byte[] b, int len, int at, int n) {
        if (at < 0 || at + n > len) return "";
        return new String(b, at, n, StandardCharsets.ISO_8859_1);
    }
}
