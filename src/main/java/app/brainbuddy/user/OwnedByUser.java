package app.brainbuddy.user;

/** A document that belongs to one user, such as a training session or a habit. */
public interface OwnedByUser {

    String userId();
}
