package io.reactivepay.accounts.boundary;

import io.reactivepay.accounts.api.AccountsException;
import io.reactivepay.accounts.api.StaffUser;
import io.reactivepay.accounts.api.StaffUsers;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's first administrator on the embedded default: when the launcher names a password file
 * ({@code reactivepay.demo.admin-password-file}), the user {@code admin} is created with that password
 * unless it exists; TOTP is set up on the first sign-in, as for every administrator. A production
 * deployment sets no such file and creates its administrators itself.
 */
@Startup
@Singleton
@DependsOn("AccountsMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoStaff {

    private static final System.Logger LOG = System.getLogger(DemoStaff.class.getName());
    static final String ADMIN = "admin";

    @Inject
    @ConfigProperty(name = "reactivepay.demo.admin-password-file")
    Optional<String> adminPasswordFile;

    @EJB
    StaffUsers staff;

    @PostConstruct
    void createAdministrator() {
        if (adminPasswordFile.isEmpty()) {
            return;
        }
        try {
            char[] password = Files.readString(Path.of(adminPasswordFile.get())).strip().toCharArray();
            staff.create(ADMIN, password, StaffUser.Role.ADMINISTRATOR, null, "launcher");
            LOG.log(System.Logger.Level.INFO, "Created the console administrator ''admin'' (password in {0})",
                    adminPasswordFile.get());
        } catch (AccountsException e) {
            if (!e.errorCode().equals(AccountsException.USERNAME_TAKEN)) {
                throw e;
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "No console administrator: cannot read {0}: {1}", adminPasswordFile.get(),
                    e.toString());
        }
    }
}
