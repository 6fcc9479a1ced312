package app.brainbuddy.model;

/** How far a personal model has come: it leans on the population prior until it has seen enough ratings. */
public enum ModelPhase {
    DEVELOPMENTAL,
    ADAPTIVE
}
