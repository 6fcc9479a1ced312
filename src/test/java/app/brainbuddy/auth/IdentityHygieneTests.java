package app.brainbuddy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class IdentityHygieneTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            letter case                 | 'Admin@RT.test'                  | 'admin@rt.test'
            surrounding spaces          | '  admin@rt.test '               | 'admin@rt.test'
            trailing no-break space     | 'admin@rt.test\u00a0'            | 'admin@rt.test'
            ideographic space           | 'admin@rt.test\u3000'            | 'admin@rt.test'
            full-width letters          | '\uff41\uff44\uff4d\uff49\uff4e@rt.test' | 'admin@rt.test'
            internationalized domain    | 'leser@B\u00fccher.example'      | 'leser@xn--bcher-kva.example'
            a whole Cyrillic address    | '\u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444' | '\u0438\u0432\u0430\u043d@xn--e1afmkfd.xn--p1ai'
            """)
    void emailsAreMappedToOneSpelling(String name, String typed, String stored) {
        String normalized = Emails.normalize(typed);
        assertThat(normalized).isEqualTo(stored);
        assertThat(Emails.problem(normalized)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zero-width space after      | 'admin@rt.test\u200b'
            zero-width space inside     | 'ad\u200bmin@rt.test'
            zero-width joiner in domain | 'admin@r\u200dt.test'
            soft hyphen                 | 'ad\u00admin@rt.test'
            right-to-left override      | 'admin\u202e@rt.test'
            space inside                | 'ad min@rt.test'
            Cyrillic letter in domain   | 'admin@r\u0442.test'
            Cyrillic letter in local    | '\u0430dmin@rt.test'
            whole-script look-alike     | '\u0430\u0441\u0435@rt.test'
            mixed digit systems         | 'admin@1\u0661.test'
            invalid punycode            | 'admin@xn--.test'
            """)
    void lookAlikeAndInvisibleEmailsAreRefused(String name, String typed) {
        assertThat(Emails.problem(Emails.normalize(typed))).isNotNull();
    }

    @Test
    void administratorsAreMatchedAfterTheSameNormalisation() {
        AdminEmails admins = new AdminEmails(java.util.Set.of(" Admin@RT.test\u3000"));
        assertThat(admins.contains(Emails.normalize("\uff41dmin@rt.test\u00a0")))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nine characters                | 'nine char'
            ten spaces                     | '          '
            ten zero-width spaces          | '\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b'
            ten ideographic spaces         | '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000'
            digits in a row                | '1234567890'
            digits down, wrapping          | '0987654321'
            letters backwards              | 'jihgfedcba'
            one letter repeated            | 'aaaaaaaaaa'
            common                         | 'password12'
            common in capitals             | 'PASSWORD123'
            common in full-width           | '\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44\uff11\uff12'
            five composed letters          | 'e\u0301e\u0301e\u0301e\u0301e\u0301'
            beyond what BCrypt reads       | 'correct horse battery staple correct horse battery staple correct horse battery staple'
            """)
    void weakPasswordsAreRefused(String name, String password) {
        assertThat(Passwords.acceptable(password)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a passphrase                   | 'correct horse battery staple'
            spaces inside                  | 'my dog ate 3 socks'
            non-Latin                      | '\u043f\u0430\u0440\u043e\u043b\u044c \u043c\u043e\u0439 42'
            """)
    void goodPasswordsAreAccepted(String name, String password) {
        assertThat(Passwords.acceptable(password)).isTrue();
    }

    @Test
    void aHashMadeBeforeNormalisationStillVerifiesAndANewOneMatchesAnyKeyboardsForm() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String typed = "\uff53\uff45\uff43\uff52\uff45\uff54 \ufb01sh 42"; // full-width letters and the fi ligature
        String oldHash = encoder.encode(typed);
        assertThat(Passwords.matches(encoder, typed, oldHash)).isTrue();
        assertThat(Passwords.matches(encoder, "secret fish 42", oldHash))
                .as("the old hash is of the typed form only")
                .isFalse();

        String newHash = encoder.encode(Passwords.normalize(typed));
        assertThat(Passwords.matches(encoder, typed, newHash)).isTrue();
        assertThat(Passwords.matches(encoder, "secret fish 42", newHash)).isTrue();
        assertThat(Passwords.matches(encoder, "secret fish 43", newHash)).isFalse();
    }
}
