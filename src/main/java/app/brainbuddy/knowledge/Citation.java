package app.brainbuddy.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A published source behind a knowledge entry; also the input type, since both carry the same four
 * values. The year's range depends on today, so {@link KnowledgeService} checks it.
 */
record Citation(
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 500) String authors,
        int year,

        @NotNull @Pattern(regexp = DOI, message = "must be a DOI such as 10.1007/s00426-017-0959-2")
        String doi) {

    static final String DOI = "10\\.\\d{4,9}/\\S{1,200}";

    Citation stripped() {
        return new Citation(title.strip(), authors.strip(), year, doi);
    }
}
