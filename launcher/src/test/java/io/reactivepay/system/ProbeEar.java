package io.reactivepay.system;

import io.reactivepay.probe.ProbeApplication;
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

/** The real EAR, unchanged, plus the probe web module at {@code /probe}. */
final class ProbeEar {

    private ProbeEar() {
    }

    static Path build(Path realEar, Path target) throws IOException {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "probe.war")
                .addPackage(ProbeApplication.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, realEar.toFile());
        String descriptor;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ear.delete("META-INF/application.xml");
        // first among the web modules: when the launcher sees the API ready, the probe is loaded too
        int firstWebModule = descriptor.indexOf("<module>", descriptor.indexOf("</ejb>"));
        ear.addAsManifestResource(new StringAsset(descriptor.substring(0, firstWebModule)
                + "<module><web><web-uri>probe.war</web-uri><context-root>/probe</context-root></web></module>\n  "
                + descriptor.substring(firstWebModule)), "application.xml");
        ear.addAsModule(probe);
        Files.createDirectories(target.getParent());
        ear.as(ZipExporter.class).exportTo(target.toFile(), true);
        return target;
    }
}
