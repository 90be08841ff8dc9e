package org.provisio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's "Embedding" section shows complete classes a developer pastes into a new project: every
 * {@code ```java} block there must compile, as shown, against Provisio's modules (this module's test
 * classpath holds provisio-jaxrs, adapters-memory, adapters-jdbc, the starter, Spring Boot and Jersey
 * on Grizzly).
 */
class ReadmeExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public (?:final |abstract )?(?:class|record|interface) (\\w+)");

    @Test
    void theEmbeddingSectionsJavaCompilesAsShown(@TempDir Path dir) throws IOException {
        List<String> blocks = javaBlocks(embeddingSection(readme()));
        assertThat(blocks).as("the Jersey and the Spring Boot class").hasSizeGreaterThanOrEqualTo(2);
        assertThat(blocks).anySatisfy(b -> assertThat(b).contains("ProvisioFeature", "GrizzlyHardening",
                "ProvisioningJobs"));
        assertThat(blocks).anySatisfy(b -> assertThat(b).contains("@SpringBootApplication", "LifecycleListener"));

        List<File> sources = new ArrayList<>();
        for (String block : blocks) {
            Matcher pkg = PACKAGE.matcher(block);
            Matcher type = PUBLIC_TYPE.matcher(block);
            assertThat(pkg.find()).as("a complete class names its package:%n%s", block).isTrue();
            assertThat(type.find()).as("a complete class is public:%n%s", block).isTrue();
            Path file = dir.resolve("src").resolve(pkg.group(1).replace('.', '/')).resolve(type.group(1) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, block, StandardCharsets.UTF_8);
            sources.add(file.toFile());
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all", "-Werror",
                    "-classpath", testClasspath(), "-d", classes.toString());
            boolean compiled = javac.getTask(diagnostics, files, null, options, null, units).call();
            assertThat(compiled).as("README.md's Java does not compile:%n%s", diagnostics).isTrue();
        }
        assertThat(classes.resolve("com/example/product/ProductServer.class")).exists();
    }

    /** Surefire runs tests from a manifest-only jar; the real classpath is in this property. */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    static String readme() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            if (Files.exists(readme) && Files.exists(dir.resolve("provisio-bom"))) {
                return Files.readString(readme, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    /** From "## Embedding" to the next second-level heading. */
    static String embeddingSection(String readme) {
        int start = readme.indexOf("\n## Embedding\n");
        assertThat(start).as("README.md has a section \"## Embedding\"").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
