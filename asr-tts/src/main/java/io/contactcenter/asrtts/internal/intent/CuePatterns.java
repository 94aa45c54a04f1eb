package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * High-precision phrases that point at one label, matched on normalized text. They are features of
 * the model, not rules: training learns how much each is worth, alone and per campaign. They carry
 * what the n-grams of a few hundred examples cannot: gaps ("don't ever call this number again"),
 * synonyms never seen in training, and negation ("haven't received it" must not look like "received
 * it").
 *
 * <p>Immutable and thread-safe.
 */
final class CuePatterns {

  /**
   * One cue.
   *
   * @param negatable whether a negation just before the match turns the cue off ("not" within the
   *     three preceding English words, 没/不/未/别 within the two preceding Chinese characters)
   */
  record Cue(String name, IntentLabel label, Pattern pattern, boolean negatable) {}

  private static final Pattern EN_NEGATION =
      Pattern.compile("\\b(not|never|no|nobody|nothing|yet to|hardly)\\b");
  private static final Pattern ZH_NEGATION = Pattern.compile("[没不未别無无]");

  private static final List<Cue> ENGLISH = new ArrayList<>();
  private static final List<Cue> CHINESE = new ArrayList<>();

  static {
    en(
        "dnc-stop",
        IntentLabel.DO_NOT_CALL,
        false,
        "\\b(stop|quit) (calling|call|ringing|phoning|bothering|harassing|contacting|texting)\\b|"
            + "\\bstop (these|the|your|all|all these|all the|all your) (robo ?)?calls\\b");
    en(
        "dnc-never-again",
        IntentLabel.DO_NOT_CALL,
        false,
        "\\b(do not|never|dont) (ever )?(call|phone|ring|contact|bother|dial)\\b.*\\b(again|anymore|any more|ever)\\b|"
            + "\\bnever (call|phone|ring|contact|bother) (me|us|here|this)\\b|\\bno more calls\\b|"
            + "\\b(do not|no longer) want (any more|anymore|more|any|your|these|the)( phone)? calls\\b|"
            + "\\bdo not want to be (contacted|called|bothered)\\b|\\b(tired|sick) of (your|these|the|all these) calls\\b");
    en(
        "dnc-remove",
        IntentLabel.DO_NOT_CALL,
        false,
        "\\b(remove|take|delete|erase|scrub|drop|lose|strike|wipe)\\b.*\\b(my|this|our) (phone )?(number|contact|name|details)\\b|"
            + "\\b(remove|take|delete|scrub|drop|strike) (me|us)\\b.*\\b(list|off|from|database|system|calls)\\b|"
            + "\\b(do not call|dnc|no call) (list|registry|register)\\b|\\bunsubscribe\\b|\\bopt (me )?out\\b");
    en(
        "dnc-harass",
        IntentLabel.DO_NOT_CALL,
        false,
        "\\b(harass|harassing|harassment|spam|spamming|spammer|leave me alone)\\b");

    en(
        "wrong-number",
        IntentLabel.WRONG_PERSON,
        false,
        "\\bwrong (number|person|guy|lady|man|woman|name|house|people|line|customer)\\b|"
            + "\\b(misdialed|mis dialed|dialed wrong)\\b");
    en(
        "wrong-nobody",
        IntentLabel.WRONG_PERSON,
        false,
        "\\b(nobody|no one|noone|no body)\\b.*\\b(named|called|by that name|by the name|with that name|here by)\\b|"
            + "\\b(do not|never) (know|heard of) (any|a|who|this|that|him|her|them)|"
            + "\\bno such person\\b");
    en(
        "wrong-not-theirs",
        IntentLabel.WRONG_PERSON,
        false,
        "\\b(is not|not) (his|her|their|your customer|the customer|the person|who you|him|her|them|that person)\\b|"
            + "\\b(he|she|they) (does not|do not|no longer|not) (live|work|use|have)\\b|"
            + "\\b(new|changed|different) (number|owner|phone)\\b|\\b(number|phone) (belongs|belonged|used to)\\b");
    en(
        "wrong-never-ordered",
        IntentLabel.WRONG_PERSON,
        false,
        "\\b(never|did not|have not|not) (ordered|order|bought|buy|placed|purchased|made)\\b.*\\b(anything|any order|an order|nothing|from you|with you|that)\\b|"
            + "\\bi am not (him|her|mr|mrs|ms|miss|the one|that person|who)\\b");

    en(
        "human-real",
        IntentLabel.REQUEST_HUMAN,
        false,
        "\\b(real|live|actual|human|proper) (person|human|agent|people|being|operator|voice|representative)\\b|"
            + "\\bnot (a|an|to a|to the|this) (robot|machine|bot|recording|computer|ai)\\b|\\bhuman\\b");
    en(
        "human-connect",
        IntentLabel.REQUEST_HUMAN,
        false,
        "\\b(talk|speak|chat|connect|transfer|put|get|switch|pass|give)\\b.*\\b(agent|operator|representative|rep|someone|somebody|person|staff|advisor|adviser|manager|supervisor|customer service|customer support|support|service desk|employee|people)\\b|"
            + "\\b(agent|operator|representative)\\b|\\bpress (zero|0)\\b|^transfer me$");

    en(
        "done-already",
        IntentLabel.ALREADY_DONE,
        true,
        "\\balready\\b|\\b(paid|settled|transferred|received|delivered|arrived|cleared|completed) (it|that|this|the|my|all|in|already|yesterday|last|this|earlier|today|on)\\b|"
            + "\\b(i|we) have (paid|settled|received|got|gotten|completed|finished|taken care)\\b|"
            + "\\b(it|package|parcel|order|delivery|box|stuff|item|items|goods|money|payment|transfer)\\b.*\\b(arrived|came|come|here|delivered|went through|gone through|is done|cleared|landed|showed up|turned up)\\b|"
            + "\\b(got|received|picked up|collected|signed for)\\b.*\\b(it|package|parcel|order|delivery|box|stuff|goods|items|them)\\b|"
            + "\\btook care of\\b|\\b(done|sorted) (that|it) (already|yesterday|earlier)\\b");

    en(
        "later-callback",
        IntentLabel.CALL_BACK_LATER,
        false,
        "\\b(call|ring|phone|try|reach|contact)\\b( me| us)?( back| again| later| another| some other| tomorrow| tonight| next)\\b|"
            + "\\bcall (me )?(in|at|after|around)\\b|\\bgive me a (call|ring)\\b|\\b(some ?other|another|better) time\\b");
    en(
        "later-busy",
        IntentLabel.CALL_BACK_LATER,
        false,
        "\\b(busy|driving|in a meeting|at work|in class|in a class|working|sleeping|cooking|eating|on the road|on another call|in the middle of|at the doctor|on the train|in the shower|on the subway|at the gym|at dinner|having dinner|having lunch|with a client|with a customer|boarding|at the airport|walking into)\\b|"
            + "\\b(not|no) (a )?(good|great|convenient|right) (time|moment)\\b|\\bbad time\\b|\\b(inconvenient|not convenient)\\b|"
            + "\\bcan not (talk|speak|chat) (now|right now|at the moment|at the minute)\\b|\\b(not free|tied up|swamped|occupied|hands are full)\\b");

    en(
        "agree-yes",
        IntentLabel.AGREE,
        true,
        "^(yes|okay|sure|alright|all right|fine|of course|certainly|absolutely|definitely|right|great|good|cool|perfect|no problem|no worries|sounds good)\\b|"
            + "\\b(go ahead|sign me up|count me in|i am in|why not|that works|deal|works for me|sounds good|sounds great|no problem|no worries|understood|got it|will do)\\b");
    en(
        "agree-will",
        IntentLabel.AGREE,
        true,
        "\\bi will (pay|settle|transfer|finish|complete|take|buy|wait|do|sort|handle|get|send|clear|check|order|try|have)\\b|"
            + "\\b(i can|happy to|i am happy to|okay to|fine to|i do not mind|do not mind) (wait|pay|do)\\b|"
            + "\\b(send|text|email|message) (me|it|over|the)\\b|\\b(i am|sounds|it is|that is|is) (interested|fine|okay|good|alright)\\b|"
            + "\\bthanks for (letting|the heads|telling|informing|the update|the notice|calling)\\b");

    en(
        "refuse-no",
        IntentLabel.REFUSE,
        false,
        "^no\\b(?! (problem|worries|rush|hurry))|\\bno (thanks|thank you|way|need)\\b|\\bnot (interested|anymore|for me|now thanks|buying|paying|going to (pay|buy))\\b|"
            + "\\b(do not|dont|no longer) (want|need|like|plan|intend)\\b|\\bnot (want|need)\\b|\\b(i will|i would rather) pass\\b|\\bpass on (it|that|this)\\b");
    en(
        "refuse-cancel",
        IntentLabel.REFUSE,
        false,
        "\\b(cancel|cancelled|canceled|refund|return it|give up|forget it|forget about it|changed my mind|change my mind|not worth|somewhere else|elsewhere|another (shop|store|seller))\\b|"
            + "\\b(will not|would not|refuse to|am not going to|not going to|no way i will) (pay|buy|take|do|order|continue|proceed)\\b");

    en(
        "question-wh",
        IntentLabel.QUESTION,
        false,
        "^(how|what|when|where|why|which|who|whats|is there|are there|can i|could i|do i|does|did|will it|would it|should i|is it|may i)\\b.+|"
            + "\\b(how (much|long|many|do|can|to|come)|what (is|are|do|does|time|day|date|if|about)|when (is|will|does|do|can|should)|where (is|do|can|should)|why (is|did|was|has|are))\\b|"
            + "\\b(deadline|due date|expire|expires|expiry|valid|validity|discount|terms|tracking|track)\\b");
    en(
        "question-yes-no",
        IntentLabel.QUESTION,
        false,
        "^(will|would|should|is|are|does|did|do|can|could|if|have) (i|my|it|the|there|you|this|that|we)\\b.{4,}");

    en(
        "complaint-angry",
        IntentLabel.COMPLAINT,
        false,
        "\\b(terrible|awful|horrible|ridiculous|unacceptable|disgusting|worst|pathetic|useless|a joke|scam|scammers|rubbish|garbage|furious|angry|upset|pissed|fed up|sick of|tired of|disappointed|disappointing|complain|complaint|complaining|report you|lawyer|outrageous|incompetent|shameful|disgrace|appalling|lousy|crap|nonsense|insane|joke|unfair|unhappy|frustrating|frustrated|lying|liars|hopeless|bad review|unreasonable)\\b");
    en(
        "complaint-again",
        IntentLabel.COMPLAINT,
        false,
        "\\b(second|third|fourth|fifth|again and again|how many times|every single time|once again|yet again)\\b|"
            + "\\b(waiting|waited|wait) (for )?(weeks|ages|forever|so long|a month|months|too long)\\b");

    en(
        "unknown-filler",
        IntentLabel.UNKNOWN,
        false,
        "^((uh|um|umm|uhm|hmm|hm|er|erm|ah|eh|oh|huh|hello|hi|hey|what|pardon|sorry|mm|mhm|yo)\\b ?)+$");
    en(
        "unknown-not-heard",
        IntentLabel.UNKNOWN,
        false,
        "\\b(what did you say|say (that|it) again|can not hear|could not hear|did not (catch|hear)|come again|repeat (that|it)|line is bad|bad line|breaking up)\\b");

    zh(
        "dnc-again",
        IntentLabel.DO_NOT_CALL,
        false,
        "(别|不要|不准|不许|不用|甭|勿|莫)(再|老|总|老是|总是|一直|天天)(给我|跟我|往我这)?(打|联系|骚扰|来电|打电话|打来|拨)|"
            + "(以后|今后|再也|永远)(都)?(别|不要|不用|不准|不许|不会接|甭)(再)?(给我)?(打|联系|来电|拨)");
    zh(
        "dnc-harass",
        IntentLabel.DO_NOT_CALL,
        false,
        "骚扰|烦死|拉黑|屏蔽|退订|黑名单|免打扰|(别|不要|不准|不许|勿)(再)?(联系|打扰)我|不想再?接.{0,4}电话|(移出|删出)名单|名单(里|中)(删|去掉|移除)");
    zh(
        "dnc-remove",
        IntentLabel.DO_NOT_CALL,
        false,
        "(删|删除|删掉|去掉|移除|撤掉|注销|划掉)(掉)?(我的|我)?(号码|电话|手机|联系方式|信息)|(号码|电话|手机号|联系方式)(给我)?(删|删除|去掉|移除|拿掉)");

    zh("wrong-dialed", IntentLabel.WRONG_PERSON, false, "打错|拨错|找错|认错|弄错人|搞错人|错号|号码错");
    zh(
        "wrong-nobody",
        IntentLabel.WRONG_PERSON,
        false,
        "(没有|没)(这个|这|此|叫这个|叫这)(人|名字)|查无此人|不认识(他|她|这个|这人|你说)|你找谁|你要找的人|不是(本人|他本人|她本人|机主|你要找|你找的|他|她)|"
            + "不是(他|她|他们|我)的(电话|号码|手机)|(换号|换了号|新号码|号码换|号是新)|(他|她)(已经)?(不用|不在这|不住|搬走)");
    zh(
        "wrong-never-ordered",
        IntentLabel.WRONG_PERSON,
        false,
        "(从来|从)?(没|没有|不曾)(在你们)?(这|那)?(买|订|下单|下过单|网购|买过|订过)(过)?(东西|任何|什么)|我没(下过单|有订单)");

    zh("human-agent", IntentLabel.REQUEST_HUMAN, false, "人工|真人|活人|客服|工作人员|专员|坐席|接线员|主管|经理");
    zh(
        "human-transfer",
        IntentLabel.REQUEST_HUMAN,
        false,
        "(叫|找|让|要)(你们)?(的)?(负责人|领导|经理|主管|客服)|(转|接|换)(给|到)?(人|个人|一个人)|(不要|不想|不跟|别跟|不和)(跟|和)?(机器|机器人|录音|电脑|ai)|(找|叫|要|让)(个|一个)?(人|负责人)(来|跟我|和我|接)");

    zh(
        "done-already",
        IntentLabel.ALREADY_DONE,
        true,
        "(已经|已|早就|早已|早)(都)?(付|交|支付|打款|结清|转|买|收|到|签收|拿|办|弄|处理|完成|下单|付款|缴|充|结|补|搞定)|"
            + "(付|交|支付|结|转|收|签收|拿|缴|补|付款)(过|好|完|掉|清)了|(收到|签收|拿到|到货|到手|送到|送来|寄到)了|(钱|款|尾款|定金)(已|都)?(付|交|转|打)(过|了|完)|"
            + "搞定了|弄好了|处理好了|(东西|快递|包裹|货|件)(都|已经|早)?(到了|来了|收了|拿了)");

    zh(
        "later-busy",
        IntentLabel.CALL_BACK_LATER,
        false,
        "忙|开车|开着车|开会|上班|上课|睡觉|吃饭|不方便|没空|不太方便|在外面|在路上|地铁|出差|手头有事|有事|有点事|带孩子|洗澡|在医院|在工作|正在|会议");
    zh(
        "later-callback",
        IntentLabel.CALL_BACK_LATER,
        false,
        "晚点|晚些|晚一点|迟点|迟些|等会|等一会|待会|一会儿|过会|回头|改天|下次|再打|再联系|再说|再打来|再打过来|打回来|回电|回个电话|再给我打|再来电|(小时|分钟)(以|之)?后|明天|后天|下午|晚上|上午|周末|下周|星期|礼拜");

    zh(
        "agree-ok",
        IntentLabel.AGREE,
        true,
        "^(好|好的|好啊|好吧|好嘞|行|行啊|行吧|可以|可以的|没问题|ok|okay|嗯好|嗯行|嗯可以|对|是的|没事|没关系|知道了|明白|了解|收到|成|中|妥)|"
            + "(没问题|没关系|可以的|好的|行的|知道了|明白了|了解了|理解|谢谢通知|谢谢提醒|辛苦了)");
    zh(
        "agree-will",
        IntentLabel.AGREE,
        true,
        "我(会|马上|这就|今天|现在|今晚|晚上|待会|等会|一会|明天|下午)(就|会)?(去|来)?(付|交|支付|转|处理|买|下单|补|结|缴|把)|"
            + "(马上|这就|立刻|立即|现在就)(去)?(付|交|支付|转|处理|补|下单)|(发|给|寄)(我|过来|一下)|(有|感)兴趣|"
            + "(?<![早已经])(就|再|去)(去)?把.{0,4}(付|交|补|结|转|缴)|(可以|能|愿意)(等|接受)|等(几天|一下|一阵|两天)?(也)?(没关系|可以|行|没事|无所谓)|参加|要一个|来一个");

    zh(
        "refuse-no",
        IntentLabel.REFUSE,
        false,
        "不(要|需要|用|想|买|付|交|感兴趣|考虑|打算|愿意|要了|必了|了)|没(兴趣|需要|必要|打算)|用不(着|上)|算了|拒绝|谢绝");
    zh("refuse-cancel", IntentLabel.REFUSE, false, "取消|退款|退货|退钱|退单|退掉|不买|不付|不交|放弃|退定金");

    zh(
        "question-wh",
        IntentLabel.QUESTION,
        false,
        "什么|怎么|为什么|为啥|多少|几号|几点|几天|哪|多久|多长|何时|啥|能不能|可不可以|是不是|有没有|会不会|要不要|吗$|呢$|么$|咋|截止|有效期|期限|如何");

    zh(
        "complaint-angry",
        IntentLabel.COMPLAINT,
        false,
        "怎么(老是|总是|又|还|一直)(拖|延迟|延期|推迟|不|这样|慢)|投诉|举报|曝光|差评|12315|消协|工商|(太|真|很|非常|特别|超级|也太)(差|烂|慢|过分|离谱|坑|恶心|垃圾|气人|糟糕|失望|不靠谱|没谱|无语)|"
            + "垃圾|骗子|坑人|(生气|气死|愤怒|不满|失望|恼火|火大|受够|无语|忍无可忍)|什么破|破玩意|过分|离谱|不像话|搞什么|欺骗");
    zh(
        "complaint-again",
        IntentLabel.COMPLAINT,
        false,
        "第(二|三|四|五|几|n|2|3|4|5)次|又(延迟|延期|推迟|晚了|拖|慢)|一拖再拖|(都|已经)?等了(好|这么|快)?(几|多|久|一个|两个|半个)");

    zh("unknown-filler", IntentLabel.UNKNOWN, false, "^([嗯啊呃额哦喔噢喂哎唉诶欸哈嘿呀嗨哼]|hello|hi| )+$");
    zh("unknown-not-heard", IntentLabel.UNKNOWN, false, "听不清|没听清|没听到|你说什么|你说啥|说啥|再说一遍|信号不好|断断续续");
  }

  private CuePatterns() {}

  /** The names of the cues that fire on this normalized text. */
  static List<Cue> matching(ReplyLanguage language, String normalized) {
    List<Cue> cues = language == ReplyLanguage.ZH ? CHINESE : ENGLISH;
    List<Cue> hits = new ArrayList<>(4);
    for (Cue cue : cues) {
      if (fires(cue, language, normalized)) {
        hits.add(cue);
      }
    }
    return hits;
  }

  private static boolean fires(Cue cue, ReplyLanguage language, String text) {
    Matcher m = cue.pattern().matcher(text);
    while (m.find()) {
      if (!cue.negatable() || !negatedBefore(language, text, m.start())) {
        return true;
      }
    }
    return false;
  }

  private static boolean negatedBefore(ReplyLanguage language, String text, int start) {
    if (language == ReplyLanguage.ZH) {
      return ZH_NEGATION.matcher(text.substring(Math.max(0, start - 2), start)).find();
    }
    // The three words before the match.
    int from = start;
    int spaces = 0;
    while (from > 0 && spaces < 4) {
      from--;
      if (text.charAt(from) == ' ') {
        spaces++;
      }
    }
    return EN_NEGATION.matcher(text.substring(from, start)).find();
  }

  private static void en(String name, IntentLabel label, boolean negatable, String regex) {
    ENGLISH.add(new Cue(name, label, Pattern.compile(regex), negatable));
  }

  private static void zh(String name, IntentLabel label, boolean negatable, String regex) {
    CHINESE.add(new Cue(name, label, Pattern.compile(regex), negatable));
  }
}
