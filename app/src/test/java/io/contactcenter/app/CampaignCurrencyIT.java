package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Amounts as ops write them in a sheet ("199.00", "88元", "1,299.50") are uploaded and take the
 * campaign's currency instead of failing every row; an amount that is not one is still refused by
 * row, and a currency the robot cannot say is refused when the campaign is created.
 */
@ContactCenterIT
class CampaignCurrencyIT {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  @Test
  void bareAmountsTakeTheCampaignsCurrencyAndYuanIsYuan() throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Dollar balances", "type": "balance", "currency": "usd",
             "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("campaignId").asText();
    assertThat(api.read(created.body()).get("currency").asText()).isEqualTo("USD");

    String csv =
        """
        phone,name,order_number,amount_due,deadline
        +8613900139201,Plain,C1,199.00,2026-12-30
        +8613900139202,Yuan,C2,88元,2026-12-30
        +8613900139203,Grouped,C3,"1,299.50",2026-12-30
        +8613900139204,Euro,C4,12 EUR,2026-12-30
        +8613900139205,Words,C5,lots,2026-12-30
        """;
    HttpResponse<String> uploaded =
        api.upload(
            "/api/v1/campaigns/" + id + "/contacts",
            "amounts.csv",
            csv.getBytes(StandardCharsets.UTF_8));

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(api.read(uploaded.body()).get("added").asInt()).isEqualTo(4);
    assertThat(uploaded.body()).contains("row 6").contains("lots");
    List<String> amounts =
        JdbcClient.create(dataSource)
            .sql(
                "SELECT variables->>'amount_due' FROM campaign_contact WHERE campaign_id = ?"
                    + " ORDER BY phone")
            .param(id)
            .query(String.class)
            .list();
    assertThat(amounts).containsExactly("199.00 USD", "88 CNY", "1299.50 USD", "12 EUR");
  }

  @Test
  void aCampaignIsInYuanUnlessToldAndACurrencyTheRobotCannotSayIsRefused() throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> yuan =
        api.post("/api/v1/campaigns", "{\"name\": \"Yuan by default\", \"type\": \"balance\"}");
    assertThat(yuan.statusCode()).as(yuan.body()).isEqualTo(201);
    assertThat(api.read(yuan.body()).get("currency").asText()).isEqualTo("CNY");

    HttpResponse<String> pounds =
        api.post(
            "/api/v1/campaigns",
            "{\"name\": \"Pounds\", \"type\": \"balance\", \"currency\": \"GBP\"}");
    assertThat(pounds.statusCode()).isEqualTo(400);
    assertThat(pounds.body()).contains("currency must be CNY, USD or EUR").contains("GBP");
  }
}
