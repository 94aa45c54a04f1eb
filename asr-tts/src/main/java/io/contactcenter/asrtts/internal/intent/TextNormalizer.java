package io.contactcenter.asrtts.internal.intent;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings typed text and speech-recognition output to one form before anything looks at it: NFKC
 * (full-width letters, digits and punctuation become ASCII), lower case, common traditional Chinese
 * characters to simplified, English contractions spelled out ("i'll" and ASR's "ill" → "i will"),
 * every punctuation mark a space, spaces collapsed. A colon between digits survives ("7:30").
 *
 * <p>Stateless and thread-safe.
 */
final class TextNormalizer {

  // Traditional → simplified for the characters callees actually use on these calls (payment,
  // delivery, calling, politeness). Not a full conversion table: unknown characters pass through.
  private static final String TRADITIONAL =
      "們個這還過電話號碼說請謝對錯幫買賣錢費單訂貨運遞時間點後會開車東麼為沒給轉聯繫係務問題優經來與裡裏兒樣讓誰處煩氣極"
          + "騙擾騷刪聽見現覺週禮兩鐘頭陣邊嗎無關實際機語線員專戶帳賬額結餘該應當夠齊滿壞討厭別絕斷掛興達發誤遲庫倉種離譜態幾長"
          + "郵購減貴價傳報寫認識記隨馬準備慮決願試閒飯熱雲陽風響歡聲場區護張連續塊貸帶學習體驗網絡軟腦視頻紀錄遠複雜簡隻顧圖書館"
          + "總統裝屬億爲囉慣隔壞們儘盡麻錶鬧嚇嘆獲處號碼罵騙傻爛噁搞氣惱亂醫飛鳥歲萬內從們縣議誌熱農與驚極檢查該則條約並舊"
          + "門問閃閱闆們雙難顏風颱級紅約紙線練組織細終經結給絕統繼續網羅義習聞職聯聰肅腳興舉舊藝蘇處號虧蟲衛補製複覽親覺觀計訊訓記"
          + "訪設許評試詢該詳誠誤說課調談請諒論謎講謝證識議護讀讓變貝負財貨販貧購貫貸費賀資賓賠賺賽趕趙跡踐蹤車軍輕輛輸轉辦辭農這進"
          + "遠適遲選遺還郵鄉醜釋針鈔鐵錄錢錯鍵鎖長門開閉間閒際陸陰陳隊階隨險隱雞離電靈靜響頂項順須預頓領頭題額願類顯飯飲飽館馬駕驗"
          + "體髮鬆鬥魚鳥麥黃點齊齡龍";
  private static final String SIMPLIFIED =
      "们个这还过电话号码说请谢对错帮买卖钱费单订货运递时间点后会开车东么为没给转联系系务问题优经来与里里儿样让谁处烦气极"
          + "骗扰骚删听见现觉周礼两钟头阵边吗无关实际机语线员专户账账额结余该应当够齐满坏讨厌别绝断挂兴达发误迟库仓种离谱态几长"
          + "邮购减贵价传报写认识记随马准备虑决愿试闲饭热云阳风响欢声场区护张连续块贷带学习体验网络软脑视频纪录远复杂简只顾图书馆"
          + "总统装属亿为啰惯隔坏们尽尽麻表闹吓叹获处号码骂骗傻烂恶搞气恼乱医飞鸟岁万内从们县议志热农与惊极检查该则条约并旧"
          + "门问闪阅板们双难颜风台级红约纸线练组织细终经结给绝统继续网罗义习闻职联聪肃脚兴举旧艺苏处号亏虫卫补制复览亲觉观计讯训记"
          + "访设许评试询该详诚误说课调谈请谅论谜讲谢证识议护读让变贝负财货贩贫购贯贷费贺资宾赔赚赛赶赵迹践踪车军轻辆输转办辞农这进"
          + "远适迟选遗还邮乡丑释针钞铁录钱错键锁长门开闭间闲际陆阴陈队阶随险隐鸡离电灵静响顶项顺须预顿领头题额愿类显饭饮饱馆马驾验"
          + "体发松斗鱼鸟麦黄点齐龄龙";

  private static final Map<Integer, Integer> TO_SIMPLIFIED = new HashMap<>();

  static {
    if (TRADITIONAL.codePointCount(0, TRADITIONAL.length())
        != SIMPLIFIED.codePointCount(0, SIMPLIFIED.length())) {
      throw new IllegalStateException("traditional/simplified tables differ in length");
    }
    int[] from = TRADITIONAL.codePoints().toArray();
    int[] to = SIMPLIFIED.codePoints().toArray();
    for (int i = 0; i < from.length; i++) {
      TO_SIMPLIFIED.putIfAbsent(from[i], to[i]);
    }
  }

  // Typed and recognised English drops apostrophes ("dont", "im"); both forms map to the long one
  // so "i'll pay" and "ill pay" produce the same features. "ill" is read as "i will": on a payment
  // call that is what it almost always is.
  private static final Map<String, String> CONTRACTIONS =
      Map.ofEntries(
          Map.entry("i'm", "i am"),
          Map.entry("im", "i am"),
          Map.entry("i'll", "i will"),
          Map.entry("ill", "i will"),
          Map.entry("i've", "i have"),
          Map.entry("ive", "i have"),
          Map.entry("i'd", "i would"),
          Map.entry("you're", "you are"),
          Map.entry("youre", "you are"),
          Map.entry("you've", "you have"),
          Map.entry("you'll", "you will"),
          Map.entry("you'd", "you would"),
          Map.entry("we're", "we are"),
          Map.entry("we've", "we have"),
          Map.entry("we'll", "we will"),
          Map.entry("they're", "they are"),
          Map.entry("theyre", "they are"),
          Map.entry("he's", "he is"),
          Map.entry("she's", "she is"),
          Map.entry("it's", "it is"),
          Map.entry("its", "it is"),
          Map.entry("that's", "that is"),
          Map.entry("thats", "that is"),
          Map.entry("there's", "there is"),
          Map.entry("theres", "there is"),
          Map.entry("what's", "what is"),
          Map.entry("whats", "what is"),
          Map.entry("where's", "where is"),
          Map.entry("when's", "when is"),
          Map.entry("who's", "who is"),
          Map.entry("how's", "how is"),
          Map.entry("let's", "let us"),
          Map.entry("don't", "do not"),
          Map.entry("dont", "do not"),
          Map.entry("doesn't", "does not"),
          Map.entry("doesnt", "does not"),
          Map.entry("didn't", "did not"),
          Map.entry("didnt", "did not"),
          Map.entry("can't", "can not"),
          Map.entry("cant", "can not"),
          Map.entry("cannot", "can not"),
          Map.entry("couldn't", "could not"),
          Map.entry("couldnt", "could not"),
          Map.entry("won't", "will not"),
          Map.entry("wont", "will not"),
          Map.entry("wouldn't", "would not"),
          Map.entry("wouldnt", "would not"),
          Map.entry("shouldn't", "should not"),
          Map.entry("isn't", "is not"),
          Map.entry("isnt", "is not"),
          Map.entry("aren't", "are not"),
          Map.entry("arent", "are not"),
          Map.entry("wasn't", "was not"),
          Map.entry("wasnt", "was not"),
          Map.entry("weren't", "were not"),
          Map.entry("haven't", "have not"),
          Map.entry("havent", "have not"),
          Map.entry("hasn't", "has not"),
          Map.entry("hasnt", "has not"),
          Map.entry("hadn't", "had not"),
          Map.entry("ain't", "is not"),
          Map.entry("gonna", "going to"),
          Map.entry("wanna", "want to"),
          Map.entry("gotta", "got to"),
          Map.entry("o'clock", "oclock"),
          Map.entry("ok", "okay"),
          Map.entry("k", "okay"),
          Map.entry("kay", "okay"),
          Map.entry("pls", "please"),
          Map.entry("plz", "please"),
          Map.entry("thx", "thanks"),
          Map.entry("ty", "thank you"),
          Map.entry("u", "you"),
          Map.entry("ur", "your"),
          Map.entry("r", "are"),
          Map.entry("tmr", "tomorrow"),
          Map.entry("tmrw", "tomorrow"),
          Map.entry("tomorow", "tomorrow"),
          Map.entry("tommorow", "tomorrow"),
          Map.entry("tommorrow", "tomorrow"),
          Map.entry("yeah", "yes"),
          Map.entry("yea", "yes"),
          Map.entry("yep", "yes"),
          Map.entry("yup", "yes"),
          Map.entry("ya", "yes"),
          Map.entry("nope", "no"),
          Map.entry("nah", "no"));

  private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02bc`´]");
  private static final Pattern CLOCK_COLON = Pattern.compile("(\\d):(\\d)");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'\u0001]+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'\u0001]+");

  /** The normalized form: lower case, simplified, punctuation-free, single-spaced. */
  String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = toSimplified(s);
    s = APOSTROPHES.matcher(s).replaceAll("'");
    // Protect the colon of a clock time from the punctuation sweep.
    s = CLOCK_COLON.matcher(s).replaceAll("$1\u0001$2");
    s = NOT_WORD.matcher(s).replaceAll(" ");
    StringBuilder out = new StringBuilder(s.length() + 16);
    Matcher words = WORD.matcher(s);
    while (words.find()) {
      String word = words.group();
      String expanded = CONTRACTIONS.get(word);
      if (expanded == null) {
        // A stray apostrophe (quotes, possessives) carries nothing: "mom's" → "mom s" is not
        // wanted either, so drop possessive 's and any other apostrophe.
        expanded = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        expanded = expanded.replace("'", "");
      }
      if (expanded.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(expanded);
    }
    return out.toString().replace('\u0001', ':');
  }

  /**
   * Chinese text with the spaces between ideographs removed (ASR and some typists put them in),
   * spaces kept between Latin words and digits.
   */
  String normalizeChinese(String text) {
    String s = normalize(text);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' '
          && i > 0
          && i + 1 < s.length()
          && (isHan(s.charAt(i - 1)) || isHan(s.charAt(i + 1)))) {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static String toSimplified(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      Integer simplified = cp < 0x3400 ? null : TO_SIMPLIFIED.get(cp);
      if (simplified != null && out == null) {
        out = new StringBuilder(s.length());
        out.append(s, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(simplified != null ? simplified : cp);
      }
      i += Character.charCount(cp);
    }
    String result = out == null ? s : out.toString();
    // 甚麼 (traditional "what") is 什么, not 甚么.
    return result.replace("甚么", "什么");
  }
}
