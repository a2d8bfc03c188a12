package org.freshears.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Ogg Vorbis through JOrbis, packet by packet, keeping JOrbis's float output (no 16-bit clipping).
 * The last page's granule position trims the final packet to the exact length. Only the first logical
 * stream of a chained file is read. Channels are handed out in the WAV order (front left, front right, centre,
 * LFE, back, side): Vorbis stores 3 and 5 to 8 channels with the centre second ({@link ChannelLayout#vorbis}),
 * and everything downstream (a rendered master above all) expects left and right first.
 *
 * <p>A damaged stretch (pages that fail their CRC, reported by JOgg as a hole in the packet sequence) is
 * skipped with a warning. The first packet after it is decoded but its output dropped, since it would be
 * overlap-added with a block that was lost. When the granule positions before and after the hole prove how many
 * samples are missing, that many frames of digital silence take their place, so that later times stay right.
 */
final class VorbisSource extends DecodedSource {
    private static final int READ_BYTES = 1 << 14;
    /** Output channel i is Vorbis channel order[i]: the WAV order, so that front left and right come first. */
    private int[] order;
    /** Vorbis I blocks are at most 8192 samples long. */
    private static final int MAX_BLOCK = 8192;
    /** An Ogg page ends at most 255 packets, and a page that ends one carries a granule position. */
    private static final int MAX_PACKETS_PER_PAGE = 255;

    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info vorbis = new Info();
    private final DspState dsp = new DspState();
    private final Block block;
    private final AudioInfo info;
    private final float[][][] pcmOut = new float[1][][];
    private final int[] index;
    private final int serial;
    private long endGranule = Long.MAX_VALUE;
    private boolean sawEnd;
    private boolean broken;
    /** Bytes read from the file so far, to place pages in it. */
    private long bytesIn;
    /** Where the last page of our stream ended in the file, and bytes skipped between our pages since then. */
    private long pageEndAt;
    private long bytesSkipped;
    private int nextPageNo;
    private int pagesSkipped;
    private boolean lostSync;
    /** Frames placed on the timeline so far: decoded (handed out or held in JOrbis) plus silence. */
    private long timeline;
    /** At the last packet that carried a granule position: that position, and it minus {@link #timeline}. */
    private long lastGranule = -1;
    private long granuleOffset;
    private boolean granulesBackwards;
    /** From a hole in the packet sequence until the next granule position; JOrbis holds its output meanwhile. */
    private boolean inHole;
    private boolean dropNextOutput;
    private int packetsInHole;
    private long holeAt;
    /** Frames of silence put in for lost stretches so far. */
    private long silenceInserted;
    private long silence;

    VorbisSource(InputStream in, long announcedFrames, String name) throws IOException, UnreadableAudioException {
        this.in = in;
        sync.init();
        vorbis.init();
        Comment comment = new Comment();
        comment.init();
        if (!nextPage()) throw new UnreadableAudioException(name + ": Ogg Vorbis file ends inside its headers");
        serial = page.serialno();
        notePage();
        stream.init(serial);
        stream.pagein(page);
        for (int i = 0; i < 3; i++) {
            if (!nextPacket() || vorbis.synthesis_headerin(comment, packet) < 0) {
                throw new UnreadableAudioException(name + ": Ogg Vorbis headers are damaged or incomplete");
            }
        }
        if (vorbis.channels <= 0) throw new UnreadableAudioException(name + ": Vorbis header declares 0 channels");
        if (vorbis.rate <= 0) throw new UnreadableAudioException(name + ": Vorbis header declares a sample rate of 0 Hz");
        dsp.synthesis_init(vorbis);
        block = new Block(dsp);
        index = new int[vorbis.channels];
        ChannelLayout stored = ChannelLayout.vorbis(vorbis.channels);
        order = stored.maskOrder();
        info = new AudioInfo(vorbis.rate, vorbis.channels, "ogg", "vorbis", announcedFrames, stored.reordered(order));
        pending = new float[vorbis.channels][8192];
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    protected boolean decodeNext() throws IOException {
        while (true) {
            if (silence > 0) {
                long room = endGranule - framesOut;
                if (room <= 0) { // the last page's position leaves no room for it
                    silence = 0;
                    continue;
                }
                int n = (int) Math.min(silence, Math.min(room, pending[0].length));
                for (float[] ch : pending) Arrays.fill(ch, 0, n, 0f);
                silence -= n;
                pendingPos = 0;
                pendingLen = n;
                return true;
            }
            int samples = inHole ? 0 : dsp.synthesis_pcmout(pcmOut, index);
            if (samples > 0) {
                long room = endGranule - framesOut;
                int n = (int) Math.max(0, Math.min(samples, Math.min(room, pending[0].length)));
                for (int c = 0; c < pending.length; c++) System.arraycopy(pcmOut[0][order[c]], index[order[c]], pending[c], 0, n);
                dsp.synthesis_read(Math.min(samples, pending[0].length));
                if (n <= 0) continue;
                pendingPos = 0;
                pendingLen = n;
                return true;
            }
            if (!nextPacket()) {
                if (!inHole) return false;
                endHole(-1);
                continue;
            }
            int held = dsp.synthesis_pcmout(null, index);
            try {
                if (block.synthesis(packet) != 0) continue;
                dsp.synthesis_blockin(block);
            } catch (RuntimeException e) {
                warnings.add("Vorbis stream is damaged after " + FileBytes.seconds(framesOut, info.sampleRate()) + "; decoding stopped there");
                broken = true;
                return false;
            }
            int made = dsp.synthesis_pcmout(null, index) - held;
            if (dropNextOutput) {
                // everything since the hole: this packet's overlap with a lost block, and any packet between two holes
                dsp.synthesis_read(held + made);
                timeline = holeAt;
                dropNextOutput = false;
            } else {
                timeline += made;
            }
            if (packet.granulepos >= 0) pageEnd(packet.granulepos);
            else if (inHole && ++packetsInHole > MAX_PACKETS_PER_PAGE) endHole(-1); // no position will come: stop holding
        }
    }

    /** At a packet that carries a granule position: the number of samples up to its end. */
    private void pageEnd(long granule) {
        if (lastGranule >= 0 && granule < lastGranule) granulesBackwards = true;
        if (inHole) endHole(granule);
        granuleOffset = granule - timeline;
        lastGranule = granule;
        bytesSkipped = 0;
    }

    /** At a hole in the packet sequence: JOrbis's output is held until a granule position says how much is missing. */
    private void startHole() {
        dropNextOutput = true;
        packetsInHole = 0;
        if (inHole) return;
        inHole = true;
        holeAt = timeline;
    }

    /**
     * Ends a hole at the first packet after it that carries a granule position ({@code -1} when the stream ended
     * first) and warns. The samples missing are that position minus the last one before the hole, minus what was
     * decoded since; they become silence only when both positions exist, never went backwards, and the missing
     * samples fit in the bytes skipped (each lost packet took at least one byte and made at most half a
     * largest block), so that a forged position cannot make a small file play for hours.
     */
    private void endHole(long granule) {
        inHole = false;
        long missing = granule - timeline - granuleOffset;
        // Each lost packet took at least a byte and made at most half a largest block. That alone lets a forged
        // position turn a few hundred KB of junk into hours (digital silence codes to a few bytes a packet, so no
        // tighter bound per byte holds for real files), so the silence of a file is also kept to twice the audio
        // decoded so far, or ten minutes, whichever is more.
        long cap = Math.max(2 * Math.max(0, timeline - silenceInserted), (long) info.sampleRate() * 600) - silenceInserted;
        boolean proven = granule >= 0 && lastGranule >= 0 && !granulesBackwards && granule > lastGranule
                && missing > 0 && missing <= (bytesSkipped + 1) * (MAX_BLOCK / 2) && missing <= cap;
        String what = "Ogg stream is damaged at " + FileBytes.clock(holeAt, info.sampleRate()) + ": "
                + (pagesSkipped > 0 ? pagesSkipped + " damaged page" + (pagesSkipped == 1 ? "" : "s") : "damaged data") + " skipped";
        pagesSkipped = 0;
        if (proven) {
            silence = missing;
            silenceInserted += missing;
            timeline += missing;
            warnings.add(what + ", " + FileBytes.seconds(missing, info.sampleRate())
                    + " of audio lost and replaced by silence so that later times stay right");
        } else {
            warnings.add(what + "; the granule positions do not show how much audio was lost, so later times are early by that much");
        }
    }

    private boolean nextPacket() throws IOException {
        while (true) {
            int r = stream.packetout(packet);
            if (r == 1) return true;
            if (r < 0) {
                startHole();
                continue;
            }
            if (sawEnd || !nextPage()) return false;
            if (page.serialno() != serial) continue;
            notePage();
            stream.pagein(page);
            if (page.eos() != 0) {
                sawEnd = true;
                // a negative position says "no packet ends here"; it cannot be the stream's length
                if (page.granulepos() >= 0) endGranule = page.granulepos();
            }
        }
    }

    /** Counts the pages and bytes skipped since the last page of our stream (JOgg keeps its page counter private). */
    private void notePage() {
        byte[] h = page.header_base;
        int at = page.header;
        int pageNo = (h[at + 18] & 0xFF) | (h[at + 19] & 0xFF) << 8 | (h[at + 20] & 0xFF) << 16 | (h[at + 21] & 0xFF) << 24;
        long start = bytesIn - sync.getBufferOffset() + at;
        if (pageEndAt > 0 && pageNo - nextPageNo > 0) pagesSkipped += pageNo - nextPageNo;
        if (start > pageEndAt) bytesSkipped += start - pageEndAt;
        nextPageNo = pageNo + 1;
        pageEndAt = start + page.header_len + page.body_len;
    }

    private boolean nextPage() throws IOException {
        while (true) {
            int r = sync.pageout(page);
            if (r == 1) {
                lostSync = false;
                return true;
            }
            if (r < 0) {
                lostSync = true;
                continue;
            }
            int at = sync.buffer(READ_BYTES);
            int got = in.read(sync.data, at, READ_BYTES);
            if (got <= 0) return false;
            sync.wrote(got);
            bytesIn += got;
        }
    }

    @Override
    protected void onEnd() {
        if (sawEnd || broken) return;
        if (lostSync) {
            warnings.add("Ogg stream is damaged at " + FileBytes.clock(timeline, info.sampleRate()) + ": no readable page follows, so decoding stopped there");
        } else {
            warnings.add("truncated: the Ogg stream ends without its final page after " + FileBytes.seconds(framesOut, info.sampleRate()));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
