package app.brainbuddy.user;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The erasure of an external identity provider's account. The provider's tokens outlive it, so
 * tokens issued before {@code deletedAt} must not bring the account back; the id is the account's
 * {@code issuer|subject}, nothing else about the person is kept.
 */
@Document("deleted_external_accounts")
record DeletedExternalAccount(
        @Id String externalSubject, @Field("deleted_at") Instant deletedAt) {}
