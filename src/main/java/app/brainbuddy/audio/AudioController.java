package app.brainbuddy.audio;

import app.brainbuddy.session.BrainwaveSessionContent;
import app.brainbuddy.session.SessionService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sessions/{id}/audio}: the session's WAV, synthesised while it streams. The link's
 * signature is checked before anything is read or rendered; a bad link gets 403 with an empty body, before anything is read or rendered.
 */
@RestController
class AudioController {

    private final SessionService sessions;
    private final AudioLinks links;

    AudioController(SessionService sessions, AudioLinks links) {
        this.sessions = sessions;
        this.links = links;
    }

    @GetMapping("/sessions/{id}/audio")
    void audio(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String user,
            @RequestParam(defaultValue = "0") long expires,
            @RequestParam(defaultValue = "44100") int rate,
            @RequestParam(defaultValue = "false") boolean loop,
            @RequestParam(defaultValue = "") String signature,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if ((rate != AudioFormat.CD_RATE && rate != AudioFormat.HALF_RATE)
                || !links.valid(id, user, expires, new AudioFormat(rate, loop), signature)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return;
        }
        Optional<BrainwaveSessionContent> content = sessions.contentOf(id, user)
                .filter(BrainwaveSessionContent.class::isInstance)
                .map(BrainwaveSessionContent.class::cast);
        if (content.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return;
        }
        WavRendering wav = new WavRendering(content.get(), new AudioFormat(rate, loop));
        String etag = "\"%s-%d%s\"".formatted(id, rate, loop ? "-loop" : "");
        response.setContentType(SessionAudioController.WAV);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.ETAG, etag);
        // the bytes never change, but the link that grants them expires
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + links.secondsLeft(expires));

        long size = wav.size();
        ByteRange range = ByteRange.parse(
                ifRangeMatches(request.getHeader(HttpHeaders.IF_RANGE), etag)
                        ? request.getHeader(HttpHeaders.RANGE)
                        : null,
                size);
        if (range == ByteRange.UNSATISFIABLE) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
            return;
        }
        long from = range == null ? 0 : range.first();
        long to = range == null ? size - 1 : range.last();
        if (range != null) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes %d-%d/%d".formatted(from, to, size));
        }
        response.setContentLengthLong(to - from + 1);
        if (request.getMethod().equals("HEAD")) {
            return;
        }
        wav.write(response.getOutputStream(), from, to);
    }

    /** A range request applies only while the client's copy is still this one (RFC 9110, If-Range). */
    private static boolean ifRangeMatches(@Nullable String ifRange, String etag) {
        return ifRange == null || ifRange.equals(etag);
    }
}
