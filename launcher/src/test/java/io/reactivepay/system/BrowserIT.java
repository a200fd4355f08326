package io.reactivepay.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivepay.launcher.EmbeddedSystem;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The JSF apps in Debian's headless Chromium, driven through Debian's chromedriver (nothing downloaded). */
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
    void checkoutLandingPageRendersPrimeFaces() throws Exception {
        EmbeddedSystem system = RunningSystem.get();
        browser.get(system.baseUri().resolve("/checkout/").toString());
        assertEquals("Pay securely · Checkout", browser.getTitle());
        WebElement panel = browser.findElement(By.id("checkout-intro"));
        assertTrue(panel.getAttribute("class").contains("ui-panel"));
        assertEquals("ReactivePay checkout", panel.findElement(By.cssSelector(".ui-panel-title")).getText());
    }
}
