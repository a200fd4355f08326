package io.reactivepay.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the Flyway migrations of one module's schema when the module starts.
 * <p>
 * Each ejb module owns one PostgreSQL schema, keeps its migrations in {@code db/migration/<schema>}
 * of its own jar, and extends this in a {@code @Startup @Singleton} so the schema is current before
 * any bean of the module serves a request. The subclass's class loader is used because Flyway lives
 * in the EAR's {@code lib/} and cannot see into module jars by itself.
 */
public abstract class SchemaMigrations {

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/reactivepay")
    DataSource dataSource;

    /** The schema this module owns, also the folder of its migrations. */
    protected abstract String schema();

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(schema())
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema())
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.log(System.Logger.Level.INFO, "Schema {0}: {1} migration(s) applied, now at version {2}",
                schema(), result.migrationsExecuted, result.targetSchemaVersion);
    }
}
