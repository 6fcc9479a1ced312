package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthAttemptsTests {

    private static final RateLimitSettings.Limit ONE_PER_MINUTE = new RateLimitSettings.Limit(1, Duration.ofMinutes(1));
    private static final RateLimitSettings.Limit MANY = new RateLimitSettings.Limit(1000, Duration.ofMinutes(1));

    /** One login per address, as many per email as it takes. */
    private final AuthAttempts attempts = new AuthAttempts(
            new RateLimitSettings(
                    new RateLimitSettings.Limits(MANY, ONE_PER_MINUTE), new RateLimitSettings.Limits(MANY, MANY), 100),
            new TestClock());

    @Test
    void theAddressesOfOneIpv6NetworkCountAsOneAddress() throws UnknownHostException {
        attempts.countLogin("ana@example.org", InetAddress.getByName("2001:db8:0:7::1"));

        assertThatThrownBy(() -> attempts.countLogin("bob@example.org", InetAddress.getByName("2001:db8:0:7:ffff::2")))
                .hasMessageStartingWith("Too many login attempts from this address");
        assertThatNoException()
                .isThrownBy(() -> attempts.countLogin("bob@example.org", InetAddress.getByName("2001:db8:0:8::1")));
    }

    @Test
    void ipv4AddressesCountOneByOne() throws UnknownHostException {
        attempts.countLogin("ana@example.org", InetAddress.getByName("192.0.2.1"));

        assertThatNoException()
                .isThrownBy(() -> attempts.countLogin("bob@example.org", InetAddress.getByName("192.0.2.2")));
        assertThatThrownBy(() -> attempts.countLogin("eve@example.org", InetAddress.getByName("192.0.2.1")))
                .hasMessageStartingWith("Too many login attempts from this address");
    }
}
