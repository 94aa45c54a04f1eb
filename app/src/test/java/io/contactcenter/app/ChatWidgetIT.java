package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.Repository;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget on a shop's page in headless Chromium at phone width: the shop (another origin, its
 * own little server) embeds one script tag; the visitor opens the chat with the keyboard, asks in
 * Chinese (the page's language) and gets the FAQ's answer; what they type is shown as text, never
 * as markup.
 */
@ContactCenterIT
class ChatWidgetIT {

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;

  private HttpServer shop;

  @BeforeEach
  void startShop() throws Exception {
    byte[] csv =
        Files.readAllBytes(Repository.root().resolve("online-chat/src/test/resources/kb/faqs.csv"));
    assertThat(new CampaignApi(port).upload("/api/v1/kb/faqs/import", "faqs.csv", csv).statusCode())
        .isEqualTo(200);
    shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String page =
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width\">"
            + "<style>div, button { color: red !important; font-size: 40px !important; }</style>"
            + "<title>Test shop</title></head><body><h1>测试商店</h1>"
            + "<script src=\"http://127.0.0.1:"
            + port
            + "/chat/widget.js\" data-site=\"test-shop\">"
            + "</script></body></html>";
    shop.createContext(
        "/",
        exchange -> {
          byte[] body = page.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    shop.start();
  }

  @AfterEach
  void stopShop() {
    shop.stop(0);
  }

  @Test
  void aVisitorOnAPhoneAsksInChineseAndWhatTheyTypeStaysText() {
    WebDriver browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get("http://localhost:" + shop.getAddress().getPort() + "/");
    SearchContext widget =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> browser.findElements(By.cssSelector("div[data-cc-chat]")),
                list -> !list.isEmpty())
            .get(0)
            .getShadowRoot();
    WebElement launcher = widget.findElement(By.cssSelector("button.launcher"));
    assertThat(launcher.getText()).isEqualTo("在线客服");
    // The page's CSS (red, 40px on every button) does not reach into the widget.
    assertThat(launcher.getCssValue("font-size")).isEqualTo("15px");

    launcher.sendKeys(Keys.ENTER);
    WebElement panel = widget.findElement(By.cssSelector("section.panel"));
    await().atMost(Duration.ofSeconds(10)).until(panel::isDisplayed);
    assertThat(panel.getRect().getWidth()).isLessThanOrEqualTo(390);
    WebElement input = widget.findElement(By.cssSelector("textarea"));
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.querySelector('div[data-cc-chat]').shadowRoot.activeElement"
                        + " === arguments[0]",
                    input))
        .as("the input has the focus")
        .isEqualTo(true);
    WebElement log = widget.findElement(By.cssSelector(".log"));
    await().atMost(Duration.ofSeconds(30)).until(() -> log.getText().contains("智能客服"));

    input.sendKeys("退款多久能到账");
    input.sendKeys(Keys.ENTER);
    await().atMost(Duration.ofSeconds(30)).until(() -> log.getText().contains("3-5个工作日"));

    String hostile = "<img src=x onerror=\"document.title='owned'\"><b>bold</b>";
    input.sendKeys(hostile);
    input.sendKeys(Keys.ENTER);
    await().atMost(Duration.ofSeconds(30)).until(() -> log.getText().contains("<b>bold</b>"));
    assertThat(widget.findElements(By.cssSelector(".log img, .log b"))).isEmpty();
    assertThat(browser.getTitle()).isEqualTo("Test shop");

    // Escape closes the chat and gives the focus back to the launcher.
    input.sendKeys(Keys.ESCAPE);
    await().atMost(Duration.ofSeconds(10)).until(() -> !panel.isDisplayed());
  }
}
