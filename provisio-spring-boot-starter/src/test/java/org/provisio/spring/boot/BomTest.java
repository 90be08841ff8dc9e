package org.provisio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * provisio-bom names every library module, and its versions are the parent POM's: a version the
 * parent has no property for is written in the BOM too, and must stay the same.
 */
class BomTest {
    /** Reactor modules that are not libraries a product depends on. */
    private static final Set<String> NOT_IN_BOM = Set.of("provisio-bom", "provisioning-testkit", "reference-server",
            "architecture-tests", "benchmarks");

    @Test
    void theBomNamesEveryLibraryWithTheParentsVersions() throws Exception {
        Path root = root();
        Document parent = parse(root.resolve("pom.xml"));
        Document bom = parse(root.resolve("provisio-bom/pom.xml"));

        Map<String, String> parentVersions = managed(parent);
        Map<String, String> bomVersions = managed(bom);
        Set<String> properties = properties(parent);
        bomVersions.forEach((key, version) -> {
            if (version.startsWith("${")) {
                String property = version.substring(2, version.length() - 1);
                assertThat(property.equals("project.version") || properties.contains(property))
                        .as("%s's version %s is a property of the parent", key, version).isTrue();
            } else {
                assertThat(version).as("%s: the BOM's version is the parent's", key).isEqualTo(parentVersions.get(key));
            }
        });

        List<String> libraries = children(parent.getDocumentElement(), "modules").stream()
                .flatMap(modules -> children(modules, "module").stream())
                .map(Node::getTextContent)
                .filter(module -> !module.contains("/") && !NOT_IN_BOM.contains(module))
                .toList();
        assertThat(libraries).isNotEmpty();
        assertThat(bomVersions.keySet()).containsAll(libraries.stream().map(m -> "org.provisio:" + m).toList());
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("provisio-bom/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Provisio reactor");
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** groupId:artifactId → version of the POM's own dependencyManagement. */
    private static Map<String, String> managed(Document pom) {
        Map<String, String> versions = new HashMap<>();
        for (Element management : children(pom.getDocumentElement(), "dependencyManagement")) {
            for (Element dependencies : children(management, "dependencies")) {
                for (Element d : children(dependencies, "dependency")) {
                    versions.put(text(d, "groupId") + ":" + text(d, "artifactId"), text(d, "version"));
                }
            }
        }
        return versions;
    }

    private static Set<String> properties(Document pom) {
        return children(pom.getDocumentElement(), "properties").stream()
                .flatMap(p -> children(p, null).stream())
                .map(Element::getTagName)
                .collect(Collectors.toSet());
    }

    private static String text(Element parent, String name) {
        return children(parent, name).stream().findFirst().map(Node::getTextContent).map(String::trim).orElse("");
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        List<Element> elements = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && (name == null || e.getTagName().equals(name))) {
                elements.add(e);
            }
        }
        return elements;
    }
}
