package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import io.reactivepay.probe.StaffProbe;
import io.reactivepay.probe.TotpCodes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The JSF apps in Debian's headless Chromium, driven through Debian's chromedriver (nothing downloaded):
 * pages render, the console's sign-in (password, lockout, second factor) and its role checks.
 */
@ExtendWith(RunningSystem.class)
class BrowserIT {

    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("reactivepay.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("reactivepay.it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void consoleLoginPageRendersPrimeFacesAndValidatesOnTheServer() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        browser.get(system.baseUri().resolve("/console/").toString());
        assertEquals("Sign in · Console", browser.getTitle());
        assertTrue(browser.findElement(By.id("login-form:username")).getAttribute("class").contains("ui-inputtext"));
        assertTrue(browser.findElement(By.id("login-form:password")).getAttribute("class").contains("ui-password"));
        WebElement signIn = browser.findElement(By.id("login-form:sign-in"));
        assertTrue(signIn.getAttribute("class").contains("ui-button"));

        signIn.click();
        List<String> errors = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form\\:login-messages .ui-messages-error")))
                .findElements(By.cssSelector(".ui-messages-error-summary")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Enter your username.", "Enter your password."), errors);
    }

    @Test
    void anAdministratorSignsInWithTheSecondFactorAndChecksTheLedger() throws Exception {
        JsonObject admin = staff("ADMINISTRATOR", true);
        String username = admin.getString("username");
        signIn(username, StaffProbe.PASSWORD, null);
        assertEquals(List.of("Enter your password again with the 6-digit code from your authenticator app."), messages());

        signIn(username, StaffProbe.PASSWORD, TotpCodes.code(admin.getString("secret"), 1));
        assertEquals("Signed in as " + username + " (ADMINISTRATOR).", signedIn());
        browser.findElement(By.id("ledger-check")).click();
        JsonObject report = Json.createReader(new StringReader(new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("pre"))).getText())).readObject();
        assertTrue(report.getBoolean("holds"), report.toString());
        assertEquals(0, report.getJsonArray("violations").size());

        browser.get(console("staff/home.xhtml"));
        assertEquals("You are signed out after 15 minutes without activity.",
                browser.findElement(By.id("idle-timeout")).getText(), "the idle timeout comes from the settings");
        browser.findElement(By.id("connectors")).click();
        JsonArray connectors = Json.createReader(new StringReader(new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("pre"))).getText())).readArray();
        assertEquals(java.util.Set.of("card acquiring", "bank transfers", "text messages"), connectors.stream()
                .map(connector -> connector.asJsonObject().getString("capability")).collect(java.util.stream.Collectors.toSet()),
                connectors.toString());
        assertFalse(connectors.toString().toLowerCase().contains("password"), "no secret is shown: " + connectors);

        browser.get(console("staff/home.xhtml"));
        browser.findElement(By.id("session-form:sign-out")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.titleIs("Sign in · Console"));
        browser.get(console("staff/home.xhtml"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.titleIs("Sign in · Console"));
    }

    @Test
    void anAdministratorWithoutASecondFactorMustSetOneUpFirst() throws Exception {
        String username = staff("ADMINISTRATOR", false).getString("username");
        signIn(username, StaffProbe.PASSWORD, null);
        String secret = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText();
        browser.findElement(By.id("enrol-form:enrol-code")).sendKeys(TotpCodes.code(secret, 0));
        browser.findElement(By.id("enrol-form:confirm-code")).click();
        assertEquals(List.of("Second factor set up. Sign in with your password and the next code."), messages());

        signIn(username, StaffProbe.PASSWORD, TotpCodes.code(secret, 1));
        assertEquals("Signed in as " + username + " (ADMINISTRATOR).", signedIn());
    }

    @Test
    void theEmbeddedDefaultHasAnAdministratorWhoseFirstPasswordIsInTheDataDirectory() throws Exception {
        String password = Files.readString(RunningSystem.config().dataDir().resolve("secrets/console-admin-password")).strip();
        signIn("admin", password, null);
        assertTrue(new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText().length() >= 16,
                "the administrator is asked to set up a second factor first");
    }

    @Test
    void aClientServiceManagerSignsInButAdministrationStaysClosed() throws Exception {
        String username = staff("CLIENT_SERVICE_MANAGER", false).getString("username");
        browser.get(console("staff/home.xhtml"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.titleIs("Sign in · Console"));

        signIn(username, "not the password at all", null);
        assertEquals(List.of("Wrong username, password or code."), messages());
        signIn("nobody-" + username, "not the password at all", null);
        assertEquals(List.of("Wrong username, password or code."), messages(), "an unknown user reads the same");

        signIn(username, StaffProbe.PASSWORD, null);
        assertEquals("Signed in as " + username + " (CLIENT_SERVICE_MANAGER).", signedIn());
        assertTrue(browser.findElements(By.id("admin-links")).isEmpty());
        browser.get(console("admin/api/ledger/invariants"));
        assertEquals("You do not have access to this page.", browser.findElement(By.id("error-text")).getText());
    }

    private static JsonObject staff(String role, boolean secondFactor) throws Exception {
        return Http.post(RunningSystem.get().baseUri().resolve("/probe/staff?role=" + role + "&secondFactor=" + secondFactor))
                .json();
    }

    private static String console(String path) throws Exception {
        return RunningSystem.get().baseUri().resolve("/console/" + path).toString();
    }

    private static void signIn(String username, String password, String code) throws Exception {
        browser.get(console("login.xhtml"));
        browser.findElement(By.id("login-form:username")).sendKeys(username);
        browser.findElement(By.id("login-form:password")).sendKeys(password);
        if (code != null) {
            browser.findElement(By.id("login-form:code")).sendKeys(code);
        }
        browser.findElement(By.id("login-form:sign-in")).click();
    }

    /** The messages shown after a sign-in or set-up attempt (errors and hints). */
    private static List<String> messages() {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages > div")))
                .findElements(By.cssSelector(".ui-messages-error-summary, .ui-messages-info-summary")).stream()
                .map(WebElement::getText).toList();
    }

    private static String signedIn() {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in"))).getText();
    }

    @Test
    void checkoutLandingPageRendersPrimeFaces() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        browser.get(system.baseUri().resolve("/checkout/").toString());
        assertEquals("Pay securely · Checkout", browser.getTitle());
        WebElement panel = browser.findElement(By.id("checkout-intro"));
        assertTrue(panel.getAttribute("class").contains("ui-panel"));
        assertEquals("ReactivePay checkout", panel.findElement(By.cssSelector(".ui-panel-title")).getText());
    }
}
