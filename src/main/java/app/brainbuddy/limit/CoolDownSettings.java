package app.brainbuddy.limit;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a bearer token is held at the door (values in {@code application.yml}, documented in the
 * README's limits table): a token whose requests were refused {@code refusals} times within
 * {@code window} is refused at the door for {@code length}, before its request is read.
 *
 * @param refusals refused requests within {@code window} that start a cool-down
 * @param window the window {@code refusals} are counted in
 * @param length how long a cooling-down token is refused at the door
 * @param answerDelay how long a refusal at the door waits before it is answered
 * @param tokens the most tokens counted at once in this instance (past it, new ones are not counted)
 */
@ConfigurationProperties("brainbuddy.cool-down")
@Validated
public record CoolDownSettings(
        @Positive int refusals,
        Duration window,
        Duration length,
        Duration answerDelay,
        @Positive int tokens) {}
