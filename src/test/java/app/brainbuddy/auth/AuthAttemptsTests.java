package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Which client addresses count as one for the per-address limits (RateLimitTests counts them through the API). */
class AuthAttemptsTests {

    @Test
    void theAddressesOfOneIpv6NetworkCountAsOneAddress() throws UnknownHostException {
        String first = AuthAttempts.addressKey(InetAddress.getByName("2001:db8:0:7::1"));

        assertThat(AuthAttempts.addressKey(InetAddress.getByName("2001:db8:0:7:ffff::2")))
                .isEqualTo(first);
        assertThat(AuthAttempts.addressKey(InetAddress.getByName("2001:db8:0:8::1")))
                .isNotEqualTo(first);
    }

    @Test
    void ipv4AddressesCountOneByOne() throws UnknownHostException {
        assertThat(AuthAttempts.addressKey(InetAddress.getByName("192.0.2.1")))
                .isEqualTo("192.0.2.1")
                .isNotEqualTo(AuthAttempts.addressKey(InetAddress.getByName("192.0.2.2")));
    }
}
