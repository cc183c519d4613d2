package com.twsrobot.maintenance.api;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** However an exception is wrapped and whatever its words, the sentence carries no Java class name. */
class CauseFormatterPropertiesTest {

    private static final List<Throwable> ROOTS = List.of(new ConnectException(), new SocketTimeoutException(),
            new NoSuchFileException("/data/file.csv"), new IOException(), new IllegalStateException(),
            new NullPointerException());

    @Property
    void noClassNameWhateverTheWrapping(@ForAll @IntRange(min = 0, max = 5) int root, @ForAll @IntRange(max = 4) int depth,
                                        @ForAll @AlphaChars @StringLength(max = 20) String words,
                                        @ForAll boolean messagesAreToStrings) {
        Throwable t = ROOTS.get(root);
        for (int i = 0; i < depth; i++) {
            // What a wrapper's message often is: its cause's toString(), class name first.
            t = messagesAreToStrings ? new IOException(t.toString() + (words.isEmpty() ? "" : " " + words), t)
                    : new RuntimeException(t);
        }
        String sentence = CauseFormatter.describe(t);
        assertThat(sentence).isNotBlank().doesNotContain("java.").doesNotContain("Exception");
    }
}
