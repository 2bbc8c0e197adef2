package dev.phoenixkit.integrations.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One section of a provider's setup instructions: a title, numbered steps and an optional note. Immutable and
 * thread-safe.
 *
 * <p>Step and note text may use inline markdown ({@code **bold**}, {@code [label](url)}, {@code `code`}) and the
 * placeholder {@value #REDIRECT_URI_PLACEHOLDER}, which {@link #withRedirectUri(String)} fills in.
 */
public final class InstructionSection {
    /** The placeholder replaced by the OAuth2 redirect URI. */
    public static final String REDIRECT_URI_PLACEHOLDER = "{redirect_uri}";

    private final String title;
    private final List<String> steps;
    private final String note;

    private InstructionSection(String title, List<String> steps, String note) {
        this.title = title;
        this.steps = steps;
        this.note = note;
    }

    /**
     * Creates a section without a note.
     *
     * @param title the section title
     * @param steps the steps, in order (at least one)
     * @return the section
     * @throws IllegalArgumentException when {@code title} is blank or {@code steps} is empty
     */
    public static InstructionSection of(String title, List<String> steps) {
        return of(title, steps, null);
    }

    /**
     * Creates a section.
     *
     * @param title the section title
     * @param steps the steps, in order (at least one)
     * @param note  a closing note, or {@code null} for none
     * @return the section
     * @throws IllegalArgumentException when {@code title} is blank or {@code steps} is empty
     */
    public static InstructionSection of(String title, List<String> steps, String note) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(steps, "steps");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps must not be empty (section '" + title + "')");
        }
        return new InstructionSection(title, List.copyOf(steps), note);
    }

    /** @return the section title */
    public String title() {
        return title;
    }

    /** @return the steps, in order */
    public List<String> steps() {
        return steps;
    }

    /** @return the closing note, if any */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /**
     * Returns this section with {@value #REDIRECT_URI_PLACEHOLDER} replaced by {@code redirectUri} in the title,
     * every step and the note. The text is inserted as given: escaping it for HTML is the renderer's job.
     *
     * @param redirectUri the redirect URI to show
     * @return a new section
     */
    public InstructionSection withRedirectUri(String redirectUri) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        return new InstructionSection(
                title.replace(REDIRECT_URI_PLACEHOLDER, redirectUri),
                steps.stream()
                        .map(step -> step.replace(REDIRECT_URI_PLACEHOLDER, redirectUri))
                        .toList(),
                note == null ? null : note.replace(REDIRECT_URI_PLACEHOLDER, redirectUri));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstructionSection that
                && title.equals(that.title)
                && steps.equals(that.steps)
                && Objects.equals(note, that.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, steps, note);
    }

    @Override
    public String toString() {
        return "InstructionSection[" + title + ", " + steps.size() + " steps]";
    }
}
