package io.reactivepay.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real EAR, unchanged, plus one web module of test code (the probe of the integration tests, the
 * harness of the benchmarks), which can call the ejb modules' local interfaces inside the server.
 */
public final class ProbeEar {

    private ProbeEar() {
    }

    /** Adds a web module made of the classes of {@code packageOf}'s package at {@code /<name>}. */
    public static Path build(Path realEar, Class<?> packageOf, String name, Path target) throws IOException {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(packageOf.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, realEar.toFile());
        String descriptor;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ear.delete("META-INF/application.xml");
        // first among the web modules: when the launcher sees the API ready, this module is loaded too
        int firstWebModule = descriptor.indexOf("<module>", descriptor.indexOf("</ejb>"));
        ear.addAsManifestResource(new StringAsset(descriptor.substring(0, firstWebModule)
                + "<module><web><web-uri>" + name + ".war</web-uri><context-root>/" + name + "</context-root></web></module>\n  "
                + descriptor.substring(firstWebModule)), "application.xml");
        ear.addAsModule(probe);
        Files.createDirectories(target.getParent());
        ear.as(ZipExporter.class).exportTo(target.toFile(), true);
        return target;
    }
}
