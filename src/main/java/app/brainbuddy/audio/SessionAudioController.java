package app.brainbuddy.audio;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.session.BrainwaveSessionContent;
import app.brainbuddy.session.SessionService;
import app.brainbuddy.session.TrainingSession;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class SessionAudioController {

    static final String WAV = "audio/wav";

    private final SessionService sessions;
    private final AudioLinks links;

    SessionAudioController(SessionService sessions, AudioLinks links) {
        this.sessions = sessions;
        this.links = links;
    }

    /** A signed link to the session's audio; null for sessions without any (routines, untyped content). */
    @SchemaMapping(typeName = "TrainingSession")
    @Nullable
    SessionAudio audio(TrainingSession session, @Argument int sampleRate, @Argument boolean loop) {
        if (sampleRate != AudioFormat.CD_RATE && sampleRate != AudioFormat.HALF_RATE) {
            throw ApiException.badRequest("sampleRate must be 44100 or 22050, was " + sampleRate);
        }
        if (!(sessions.contentOf(session) instanceof BrainwaveSessionContent content)) {
            return null;
        }
        AudioFormat format = new AudioFormat(sampleRate, loop);
        AudioLinks.SignedLink link = links.sign(session.id(), session.userId(), session.durationSeconds(), format);
        return new SessionAudio(
                link.url(),
                link.expiresAt(),
                WAV,
                sampleRate,
                loop,
                new WavRendering(content, format).durationSeconds());
    }
}
