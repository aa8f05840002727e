"""Moroccan regions and cities, and matching what owners type against them.

`REGIONS` holds the 12 regions of the 2015 division in their official order (so
region 1 is Tanger-Tétouan-Al Hoceïma and region 12 Dakhla-Oued Ed-Dahab).
`CITIES` holds every municipality of 50 000 inhabitants or more at the 2014
census, plus craft and tourist towns that owners often come from.

Matching ignores case, accents, hyphens, the Arabic article and Darija prefixes
("f casa", "mn tanja", "فمراكش", "للرباط") and finds a city inside a short sentence.
Each alias is data: spellings in French, English, Darija (Latin and Arabic script)
and Arabic. Well-known districts of the big cities ("Sidi Moumen", "Gueliz") name
their city; a district name that several cities share only suggests them.

A city is taken without asking only when the text names it (an alias, or a district
of exactly one city), or for one slip in a long name ("casablnca": both the word and
the name 7+ letters; two slips when both have 10+). Anything weaker is a suggestion
for the owner to confirm. Everyday words ("chkoun", "salam", "شكون") and names after
"hay", "derb", "douar", "حي"... (a district or village, not the city it looks like)
are never taken for a city.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from flows.parsing.numbers import fold, squash

MAX_PLACE_INPUT = 200  # a city answer is short; longer text is a sentence about it
_MAX_FUZZY_WORDS = 6
_MAX_FUZZY_QUERIES = 10


@dataclass(frozen=True)
class Region:
    id: str
    name_fr: str
    name_ar: str


@dataclass(frozen=True)
class City:
    id: str
    name_fr: str
    name_ar: str
    region_id: str


@dataclass(frozen=True)
class CityMatch:
    city: City | None
    suggestions: tuple[City, ...]


# id, French name, Arabic name, extra spellings (";"-separated)
_REGION_DATA = (
    ("tanger-tetouan-al-hoceima", "Tanger-Tétouan-Al Hoceïma", "طنجة تطوان الحسيمة",
     "tanger tetouan al hoceima; tanger tetouan alhoceima; tanger tetouan hoceima;"
     "tangier tetouan al hoceima; tanger tetouan; tanja tetwan l7ouceima; tanja tetwan; tta;"
     "طنجة تطوان"),
    ("oriental", "L'Oriental", "الشرق",
     "oriental; l oriental; region de l oriental; region orientale; eastern region; charq;"
     "chr9; ljiha charqia; jiha charqia; charqia; الجهة الشرقية; جهة الشرق; الشرقية"),
    ("fes-meknes", "Fès-Meknès", "فاس مكناس",
     "fes meknes; fez meknes; fes meknas; fas mknas; fes mknas"),
    ("rabat-sale-kenitra", "Rabat-Salé-Kénitra", "الرباط سلا القنيطرة",
     "rabat sale kenitra; rabat sale; rsk; rbat sla l9nitra; rbat sla qnitra; rbat sla;"
     "الرباط سلا"),
    ("beni-mellal-khenifra", "Béni Mellal-Khénifra", "بني ملال خنيفرة",
     "beni mellal khenifra; bni mellal khenifra; bni mellal khnifra; bni mlal khnifra"),
    ("casablanca-settat", "Casablanca-Settat", "الدار البيضاء سطات",
     "casablanca settat; casa settat; dar lbida settat; dar el beida settat; kaza settat;"
     "grand casablanca; grand casa; كازا سطات; البيضاء سطات"),
    ("marrakech-safi", "Marrakech-Safi", "مراكش آسفي",
     "marrakech safi; marrakesh safi; mrakech asfi; mrakech safi; marrakech asfi; مراكش اسفي"),
    ("draa-tafilalet", "Drâa-Tafilalet", "درعة تافيلالت",
     "draa tafilalet; draa tafilalt; dra tafilalet; dra3 tafilalt; draa; dra3; tafilalet;"
     "tafilalt; درعة; تافيلالت"),
    ("souss-massa", "Souss-Massa", "سوس ماسة",
     "souss massa; sous massa; souss; sous; sus massa; souss massa draa; سوس; سوس ماسة درعة"),
    ("guelmim-oued-noun", "Guelmim-Oued Noun", "كلميم واد نون",
     "guelmim oued noun; guelmim wad noun; glmim wad noun; oued noun; wad noun; oued noun;"
     "كلميم وادنون; واد نون; وادي نون"),
    ("laayoune-sakia-el-hamra", "Laâyoune-Sakia El Hamra", "العيون الساقية الحمراء",
     "laayoune sakia el hamra; laayoune sakia lhamra; l3youn sakia l7amra; sakia el hamra;"
     "sakia lhamra; sakia l7amra; saguia el hamra; الساقية الحمراء"),
    ("dakhla-oued-ed-dahab", "Dakhla-Oued Ed-Dahab", "الداخلة وادي الذهب",
     "dakhla oued ed dahab; dakhla oued eddahab; dakhla oued dahab; oued ed dahab;"
     "oued eddahab; oued dahab; wad dahab; wad eddahab; rio de oro; وادي الذهب; واد الذهب;"
     "الداخلة واد الذهب"),
)

# Region codes for the city table below.
_TTA, _ORI, _FM, _RSK, _BMK, _CS, _MS, _DT, _SM, _GON, _LSH, _DOD = (r[0] for r in _REGION_DATA)

# id, French name, Arabic name, region, extra spellings (";"-separated). Ordered by
# population at the 2014 census, then the smaller craft towns: the order breaks ties
# between suggestions.
_CITY_DATA = (
    ("casablanca", "Casablanca", "الدار البيضاء", _CS,
     "casa; casablanka; kaza; kazablanka; dar lbida; ddar lbida; dar l bida; dar el beida;"
     "dar el bida; dar el baida; dar elbida; dar beida; dar bida; darbida; dar al bayda;"
     "ad dar al bayda; كازا; كازابلانكا; الدار البيضا; دار البيضاء; البيضاء*; البيضا*"),
    ("fes", "Fès", "فاس", _FM, "fez; fas; faas; fass"),
    ("tanger", "Tanger", "طنجة", _TTA,
     "tangier; tangiers; tanja; tanjah; tandja; tanjia; tangir; طنجه"),
    ("marrakech", "Marrakech", "مراكش", _MS,
     "marrakesh; marrakch; marakech; marakesh; mrakech; mrrakech; mrrakch; mrakch; mourrakouch;"
     "mraksh; mrakesh; marakch; mrrakesh;"
     "marrakeche; marrakchi; marraquech; marrakech city; مراكيش"),
    ("sale", "Salé", "سلا", _RSK, "sale*; sla*; sala*; slaa"),
    ("meknes", "Meknès", "مكناس", _FM, "mknas; meknas; miknas; miknasa; mekness; مكناسة"),
    ("rabat", "Rabat", "الرباط", _RSK,
     "rbat; rbaat; lrbat; errbat; errabat; er rabat; ar ribat; الرباط; رباط"),
    ("oujda", "Oujda", "وجدة", _ORI, "wjda; wejda; ouajda; oujdah; wajda; ujda; وجده"),
    ("kenitra", "Kénitra", "القنيطرة", _RSK,
     "knitra; l9nitra; 9nitra; lqnitra; qnitra; lknitra; quenitra; قنيطرة"),
    ("agadir", "Agadir", "أكادير", _SM, "gadir; agadir ighir; اكادير; اغادير; أغادير"),
    ("tetouan", "Tétouan", "تطوان", _TTA,
     "tetwan; titwan; tetuan; tettawen; tetouane; titouan; tetowan; تيطوان"),
    ("temara", "Témara", "تمارة", _RSK, "tmara; temmara"),
    ("safi", "Safi", "آسفي", _MS, "safi*; asfi; safi city; اسفي"),
    ("mohammedia", "Mohammedia", "المحمدية", _CS,
     "mohammadia; mohamedia; mohamadia; mo7mmadia; mo7amadia; mo7ammadia; lmohammadia;"
     "lmo7mmadia; fedala; محمدية"),
    ("khouribga", "Khouribga", "خريبكة", _BMK, "khribga; khoribga; khouribka; lkhribga"),
    ("el-jadida", "El Jadida", "الجديدة", _CS,
     "eljadida; al jadida; jadida*; jdida*; ljdida; ljadida; mazagan; جديدة*"),
    ("beni-mellal", "Béni Mellal", "بني ملال", _BMK,
     "bni mellal; bni mlal; bnimellal; beni mlal; bni mllal; bani mellal; beni mellal city;"
     "bnimlal"),
    ("ait-melloul", "Aït Melloul", "أيت ملول", _SM, "ait mellol; ait mlloul; ait mloul"),
    ("nador", "Nador", "الناظور", _ORI, "nadour; nnador; ناظور"),
    ("dar-bouazza", "Dar Bouazza", "دار بوعزة", _CS,
     "dar bo3za; dar bo3zza; dar bou3azza; darbouazza; dar bouaza"),
    ("taza", "Taza", "تازة", _FM, "taza*; تازة*"),
    ("settat", "Settat", "سطات", _CS, "sttat; stat; setat"),
    ("berrechid", "Berrechid", "برشيد", _CS, "berchid; brchid; berrchid; brrchid; berrachid"),
    ("khemisset", "Khémisset", "الخميسات", _RSK,
     "khmisat; lkhmisat; khemissat; khemisat; khmissat; خميسات"),
    ("inezgane", "Inezgane", "إنزكان", _SM, "inzegane; inzgan; inezgan; inzegan; انزكان"),
    ("ksar-el-kebir", "Ksar El Kébir", "القصر الكبير", _TTA,
     "ksar el kebir; ksar lkbir; ksar el kbir; l9sar lkbir; 9sar lkbir; l9ser lkbir;"
     "ksar kebir; alcazarquivir; قصر الكبير"),
    ("larache", "Larache", "العرائش", _TTA,
     "l3raich; laaraich; l3rayech; el araich; larach; larrache; عرائش"),
    ("guelmim", "Guelmim", "كلميم", _GON, "glmim; goulmim; kelmim; guelmime; gulmim"),
    ("khenifra", "Khénifra", "خنيفرة", _BMK, "khnifra; khenifra city"),
    ("berkane", "Berkane", "بركان", _ORI, "berkan; brkan; birkane"),
    ("taourirt", "Taourirt", "تاوريرت", _ORI, "tawrirt; taorirt"),
    ("bouskoura", "Bouskoura", "بوسكورة", _CS, "boskoura; bouskora; bouskkoura"),
    ("fquih-ben-salah", "Fquih Ben Salah", "الفقيه بن صالح", _BMK,
     "fquih ben salah; fkih ben salah; fqih ben salah; f9ih ben sala7; lf9ih bn sal7;"
     "el fkih ben saleh; fkih bensalah; فقيه بن صالح"),
    ("dcheira-el-jihadia", "Dcheira El Jihadia", "الدشيرة الجهادية", _SM,
     "dcheira; dchira; dcheira el jihadia; dcheira jihadia; الدشيرة; دشيرة"),
    ("oued-zem", "Oued Zem", "وادي زم", _BMK, "oued zem; wad zem; wadzem; oued zam; واد زم"),
    ("el-kelaa-des-sraghna", "El Kelaâ des Sraghna", "قلعة السراغنة", _MS,
     "el kelaa des sraghna; kelaa des sraghna; kelaa sraghna; kelaat sraghna;"
     "el kelaa sraghna; 9al3a sraghna; l9al3a sraghna; kalaa sraghna; qalaat sraghna;"
     "sraghna; السراغنة; قلعة سراغنة"),
    ("sidi-slimane", "Sidi Slimane", "سيدي سليمان", _RSK, "sidi sliman; sidi slimane city"),
    ("errachidia", "Errachidia", "الرشيدية", _DT,
     "rachidia; rrachidia; er rachidia; er-rachidia; errachidiya; ksar es souk; الراشيدية"),
    ("guercif", "Guercif", "جرسيف", _ORI, "grsif; guersif; garsif; gercif; ڭرسيف"),
    ("oulad-teima", "Oulad Teïma", "أولاد تايمة", _SM,
     "oulad teima; ouled teima; oulad taima; wlad tayma; wlad teima; ولاد تايمة"),
    ("ben-guerir", "Ben Guerir", "ابن جرير", _MS,
     "ben guerir; benguerir; bengrir; ben grir; bn grir; بن جرير; بنجرير; بن ڭرير"),
    ("tiflet", "Tiflet", "تيفلت", _RSK, "tifelt; tiflt"),
    ("lqliaa", "Lqliâa", "القليعة", _SM, "lqliaa; l9li3a; lqli3a; el qliaa; qliaa; قليعة"),
    ("taroudant", "Taroudant", "تارودانت", _SM, "tarudant; taroudante; troudant"),
    ("sefrou", "Sefrou", "صفرو", _FM, "sfrou; sefro; sfro"),
    ("essaouira", "Essaouira", "الصويرة", _MS,
     "souira; swira; sawira; mogador; esaouira; essaouira; essawira; sswira; صويرة"),
    ("fnideq", "Fnideq", "الفنيدق", _TTA, "fnidq; fnide9; castillejos; فنيدق"),
    ("sidi-kacem", "Sidi Kacem", "سيدي قاسم", _RSK,
     "sidi qacem; sidi 9assem; sidi kassem; sidi qassem; sidi 9asem"),
    ("tiznit", "Tiznit", "تيزنيت", _SM, "tiznit city; tizneet"),
    ("tan-tan", "Tan-Tan", "طانطان", _GON, "tan tan; tantan"),
    ("ouarzazate", "Ouarzazate", "ورزازات", _DT,
     "warzazat; ouarzazat; ouerzazate; warzazate; wrzazat; ouarzazate city"),
    ("souk-el-arbaa", "Souk El Arbaâ", "سوق الأربعاء", _RSK,
     "souk el arbaa; souk larbaa; souk arbaa; sou9 larb3a; souk el arbaa du gharb;"
     "souk larba; سوق الأربعاء الغرب; سوق لاربعا; سوق الاربعاء"),
    ("youssoufia", "Youssoufia", "اليوسفية", _MS, "yousoufia; youssoufiya; lyousoufia; يوسفية"),
    ("lahraouyine", "Lahraouyine", "الهراويين", _CS,
     "lahraouiyine; lhrawiyin; lahrawiyin; lahraouine"),
    ("martil", "Martil", "مرتيل", _TTA, "martile; mertil"),
    ("ain-harrouda", "Aïn Harrouda", "عين حرودة", _CS,
     "ain harrouda; 3in harrouda; ain harouda; 3in 7rrouda; ain hrouda"),
    ("souk-sebt-oulad-nemma", "Souk Sebt Oulad Nemma", "سوق السبت أولاد النمة", _BMK,
     "souk sebt oulad nemma; souk sebt; sou9 sebt; sebt oulad nemma; souk essebt;"
     "سوق السبت; سوق السبت اولاد النمة"),
    ("skhirat", "Skhirat", "الصخيرات", _RSK, "skhirate; sskhirat; صخيرات"),
    ("ouazzane", "Ouazzane", "وزان", _TTA, "wazzan; ouezzane; wazan; ouazzan"),
    ("benslimane", "Benslimane", "بنسليمان", _CS,
     "ben slimane; bensliman; bnsliman; ben sliman; بن سليمان"),
    ("al-hoceima", "Al Hoceïma", "الحسيمة", _TTA,
     "al hoceima; alhoceima; hoceima; lhoceima; l7ouceima; l7oceima; el hoceima;"
     "al hoceyma; lhouceima; houceima; حسيمة"),
    ("beni-ansar", "Beni Ansar", "بني أنصار", _ORI, "bni ansar; beni nsar; bni nsar; بني نصار"),
    ("mdiq", "M'diq", "المضيق", _TTA, "mdiq; m diq; mdyeq; mdi9; mdye9; mdik; مضيق"),
    ("sidi-bennour", "Sidi Bennour", "سيدي بنور", _CS, "sidi benour; sidi bnour; sidibennour"),
    ("midelt", "Midelt", "ميدلت", _DT, "midlt; midelte"),
    ("azrou", "Azrou", "أزرو", _FM, "azro; azrou city"),
    ("drargua", "Drargua", "الدراركة", _SM, "drarga; drargua city; دراركة"),
    ("laayoune", "Laâyoune", "العيون", _LSH,
     "layoune; l3youn; عيون*; l3ayoun; el aaiun; el ayoun; laayoun; layoun; aaiun;"
     "el aioun sahara"),
    ("dakhla", "Dakhla", "الداخلة", _DOD, "dakhla*; villa cisneros; داخلة*"),
    ("smara", "Smara", "السمارة", _LSH, "es semara; semara; smara city; سمارة"),
    # Smaller towns known for crafts (carpets, pottery, argan, roses, saffron, dates).
    ("chefchaouen", "Chefchaouen", "شفشاون", _TTA,
     "chaouen; chefchaouene; chaoun; chfchawn; chefchawen; chaouen city; الشاون; شاون"),
    ("zagora", "Zagora", "زاكورة", _DT, "zagoura; zakoura"),
    ("ifrane", "Ifrane", "إفران", _FM, "ifran; افران"),
    ("erfoud", "Erfoud", "أرفود", _DT, "arfoud; rfoud; ارفود"),
    ("rissani", "Rissani", "الريصاني", _DT, "errissani; risani; الريساني; ريصاني"),
    ("asilah", "Asilah", "أصيلة", _TTA, "assilah; asila; arzila; zila; اصيلة; أصيلا"),
    ("tinghir", "Tinghir", "تنغير", _DT, "tinerhir; tineghir; tinghir city"),
    ("tamegroute", "Tamegroute", "تامكروت", _DT, "tamgrout; tamegrout; تمكروت"),
    ("taliouine", "Taliouine", "تالوين", _SM, "taliwin; talioine"),
    ("tafraout", "Tafraout", "تافراوت", _SM, "tafrawt; tafraoute"),
    ("kelaat-mgouna", "Kelaat M'Gouna", "قلعة مكونة", _DT,
     "kelaat mgouna; kalaat mgouna; qalaat mgouna; el kelaa mgouna; 9al3at mgouna;"
     "kelaa mgouna; mgouna; قلعة امكونة; مكونة"),
    ("chichaoua", "Chichaoua", "شيشاوة", _MS, "chichawa; chichaoua city"),
    ("taznakht", "Taznakht", "تازناخت", _DT, "taznakht city; taznaght"),
    ("sidi-ifni", "Sidi Ifni", "سيدي إفني", _GON, "ifni; sidi ifni; سيدي افني; افني"),
    ("tata", "Tata", "طاطا", _SM, "tata*; طاطا*"),
    ("demnate", "Demnate", "دمنات", _BMK, "demnat; damnat"),
    ("boujdour", "Boujdour", "بوجدور", _LSH, "bojador; boujdor"),
    ("tamanar", "Tamanar", "تمنار", _MS, "tamnar"),
    ("azemmour", "Azemmour", "أزمور", _CS, "azmour; azamor; ازمور"),
    ("tamesna", "Tamesna", "تامسنا", _RSK, "tamasna"),
)

REGIONS: dict[str, Region] = {rid: Region(rid, fr, ar) for rid, fr, ar, _ in _REGION_DATA}
CITIES: dict[str, City] = {cid: City(cid, fr, ar, rid) for cid, fr, ar, rid, _ in _CITY_DATA}
_RANK = {cid: i for i, cid in enumerate(CITIES)}

# Districts and landmarks of the big cities that owners type instead of the city:
# id, the cities it names, spellings (";"-separated). One city: that city, taken
# without asking. A trailing "?" or several cities: the name is shared (most towns
# have a "Hay Mohammadi", an "Agdal"...), so the cities are only suggested.
_DISTRICT_DATA = (
    # Casablanca
    ("hay-mohammadi", "casablanca?",
     "hay mohammadi; hay el mohammadi; hay lmohammadi; lhay lmohammadi; hay mohamadi;"
     "7ay mohammadi; 7ay lmo7ammadi; l7ay lmo7ammadi; hay mo7ammadi; حي المحمدي; الحي المحمدي"),
    ("mohammadi", "mohammedia casablanca",  # "lmohammadi": Hay Mohammadi, or Mohammedia
     "mohammadi; lmohammadi; mo7ammadi; lmo7ammadi; المحمدي"),
    ("hay-hassani", "casablanca?",
     "hay hassani; hay el hassani; hay lhassani; lhay lhassani; 7ay hassani; l7ay l7assani;"
     "حي الحسني; الحي الحسني"),
    ("sidi-moumen", "casablanca", "sidi moumen; sidi momen; sidi mo2men; سيدي مومن; سيدي مؤمن"),
    ("ain-sebaa", "casablanca",
     "ain sebaa; ain sbaa; ain seba; ain sba3; 3in sbaa; 3in sba3; 3ayn sba3; عين السبع"),
    ("maarif", "casablanca", "maarif; lmaarif; el maarif; ma3arif; lma3arif; المعاريف"),
    ("sidi-maarouf", "casablanca",
     "sidi maarouf; sidi marouf; sidi ma3rouf; sidi maaarouf; سيدي معروف"),
    ("ain-chock", "casablanca", "ain chock; ain chok; ain chak; 3in chok; 3in chk; عين الشق"),
    ("sidi-bernoussi", "casablanca",
     "sidi bernoussi; sidi bernousi; sidi barnoussi; bernoussi; lbernoussi; سيدي البرنوصي;"
     "البرنوصي"),
    ("derb-sultan", "casablanca", "derb sultan; derb soltan; derb sultane; درب السلطان"),
    ("derb-omar", "casablanca", "derb omar; derb 3mar; derb amar; درب عمر"),
    ("derb-ghallef", "casablanca", "derb ghallef; derb ghalef; derb ghlef; درب غلف"),
    ("ben-msick", "casablanca", "ben msik; ben msick; ben m sick; bnmsik; bn msik; بن مسيك"),
    ("ain-diab", "casablanca", "ain diab; 3in diab; عين الذئاب"),
    ("anfa", "casablanca", "anfa; انفا; أنفا"),
    ("mers-sultan", "casablanca", "mers sultan; mers soltan; مرس السلطان"),
    ("roches-noires", "casablanca", "roches noires; roche noire; الصخور السوداء"),
    ("lissasfa", "casablanca", "lissasfa; lisasfa; ليساسفة"),
    # Marrakech
    ("gueliz", "marrakech", "gueliz; guiliz; gliz; geliz; kliz; جليز; كليز; كيليز"),
    ("daoudiate", "marrakech", "daoudiate; daoudiat; dawdiyat; daoudiyat; الداوديات"),
    ("mhamid", "marrakech?",  # also M'Hamid El Ghizlane, a desert village near Zagora
     "mhamid; m hamid; lmhamid; el mhamid; lm7amid; m7amid; المحاميد"),
    ("sidi-youssef-ben-ali", "marrakech",
     "sidi youssef ben ali; sidi youssef ben 3li; sidi yousef ben ali; syba;"
     "سيدي يوسف بن علي"),
    ("semlalia", "marrakech", "semlalia; smlalia; السملالية"),
    ("sidi-ghanem", "marrakech", "sidi ghanem; sidi ghanm; سيدي غانم"),
    ("jemaa-el-fna", "marrakech",
     "jemaa el fna; jamaa el fna; jemaa lfna; jam3 lfna; jma lfna; jamaa lfna; جامع الفنا;"
     "جامع لفنا; ساحة جامع الفنا"),
    ("bab-doukkala", "marrakech", "bab doukkala; bab dokkala; bab dkala; باب دكالة"),
    ("hivernage", "marrakech", "hivernage; l hivernage"),
    # Rabat and Salé
    ("agdal", "rabat fes marrakech", "agdal; agudal; akdal; اكدال"),
    ("hay-riad", "rabat?", "hay riad; hay ryad; hay riyad; 7ay riad; 7ay ryad; حي الرياض"),
    ("yacoub-el-mansour", "rabat",
     "yacoub el mansour; yacoub mansour; yaacoub el mansour; yacoub lmansour;"
     "ya3koub lmansour; ya3qoub lmansour; يعقوب المنصور"),
    ("souissi", "rabat", "souissi; swissi; السويسي"),
    ("diour-jamaa", "rabat", "diour jamaa; diour jemaa; dyour jam3; ديور الجامع"),
    ("tabriquet", "sale", "tabriquet; tabriket; tabrikt; tabrikit; تابريكت"),
    ("hay-karima", "sale", "hay karima; 7ay karima; حي كريمة"),
    # Tanger, Agadir
    ("beni-makada", "tanger", "beni makada; bni makada; bnimakada; bni mkada; بني مكادة"),
    ("talborjt", "agadir", "talborjt; talbordjt; تالبرجت"),
    ("tikiouine", "agadir", "tikiouine; tikiwin; tikiouin; تيكيوين"),
)

# district id -> (its cities, best guess first; True when it names exactly one city)
DISTRICTS: dict[str, tuple[tuple[str, ...], bool]] = {
    did: (tuple(c.rstrip("?") for c in cities.split()),
          len(cities.split()) == 1 and not cities.endswith("?"))
    for did, cities, _ in _DISTRICT_DATA
}

# Words of a sentence around a place name: "ana f casa", "je suis à Fès", "من مراكش".
_STOPWORDS_TEXT = """
ana ani rani rah ra nta nti hna ahna ihna f fi fe fl fel mn men min man mne m b bi bl l el al
la le les de du des d je j suis sui a au aux en dans from in at i am im live living habite
nskn kanskn kanskon saken sakna sakin sakn 3aych 3aycha ville mdina lmdina city town region
jiha province mon ma mes notre nous on est c cest ici tma based base situe situee wach oui
non ah iyeh yes no salam slm salut bonjour bonsoir merci chokran shukran choukran my our the
is we are of and w o ou et y hh ok okay wakha daba db dyal dial dyali diali ta3 nta3 atelier
ma7al mahal l7anout hanout boutique magasin cooperative 3andi 3ndi 3andna 3ndna kayn kayna
kain kaina near pres proche cote centre center wst quartier hay 7ay derb rue avenue bd
boulevard douar dwar village prov taht qrib 9rib jnb janb
انا أنا في ف من ب الى إلى مدينة المدينة ساكن ساكنة كنسكن نسكن أسكن عندي هنا جهة الجهة
إقليم اقليم السلام سلام عليكم شكرا نعم لا و مع ديال ديالي دوار قرية حي درب شارع زنقة مركز وسط
قرب بالقرب محل دكان تعاونية
"""
# Words after which even an everyday word ("safi", "sale", "tata") is a place.
_LOCATIVES_TEXT = """
f fi fe fl fel mn men min m b bi a au de in at from near pres l
في من ب الى إلى ف ل
"""
_REGION_FILLER_TEXT = """
jiha jihat ljiha region regions la le l de du des d el al reg n no num numero number
جهة الجهة جهات رقم
"""

# Everyday words a few letters away from a name ("chkoun" - "chaoun", "شكون" - "شاون",
# "tanya" - "tanja"): never read as a misspelt place. The language detector's word
# lists (flows/langdata) add the rest of the vocabulary owners type.
_COMMON_WORDS_TEXT = """
chkoun chkon shkoun chkun skoun chkoune achkoun chno chnou achno ach wach kifach kifash
fin fayn fein mnin mnine feen imta 3lach 3lah lach ki kidayr kidayra labas bikhir
lhamdoulah hamdoulah hamdullah salam salamo slam slm salamu ssalam wakha wakhha waxa
wakhkha iyeh ewa yallah yalah safi bslama beslama inchallah nchallah mzyan mzyana zwin
zwina bzaf chwiya chwia 3afak afak 3awni smiti smitek smiya sahbi khoya khti lalla
hadchi hada hadi hadik hadak tanya tania wa7d wa7da wahed wahda tnin tlata mrhba marhba
merci mercii oui ouais non nan bonjour bonsoir salut coucou allo alo svp stp pardon
desole daccord dacc parfait entreprise societe ville quartier adresse maroc morocco
lmaghrib lmghrib bled lblad tswira tsawer
شكون شنو اش آش واش كيفاش فين فاين منين علاش إمتا امتا كيداير لاباس بخير الحمدلله سلام
السلام واخا إيه ايه صافي بسلامة مزيان مزيانة زوين بزاف شوية عافاك سميتي صاحبي خويا
هادشي هادي هادا تانية واحد واحدة مرحبا شكرا نعم لا انا أنا هنا المغرب العنوان الحي
الرابط التصويرة تصويرة
"""
_LEXICON_DIR = Path(__file__).resolve().parent.parent / "langdata"
# Every word list of the language detector (words_*.txt markers, vocab_*.txt shared words),
# found by name so that a new list widens the guard without being named here too.
_LEXICON_FILES = ("words_*.txt", "vocab_*.txt")
# Words after which a name is a district or a village ("hay mohammadi", "douar
# lmhaija"), not the city it looks like.
_DISTRICT_MARKERS_TEXT = """
hay 7ay lhay l7ay hy quartier qartier kartier derb drb cite lotissement lot residence
douar dwar ddouar zone secteur
حي الحي درب دوار الدوار تجزئة اقامة إقامة قرية منطقة
"""
_ARTICLES_TEXT = "el al l le la ال"


def _folded_set(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


_STOPWORDS = _folded_set(_STOPWORDS_TEXT)
_LOCATIVES = _folded_set(_LOCATIVES_TEXT)
_REGION_FILLER = _folded_set(_REGION_FILLER_TEXT)
_DISTRICT_MARKERS = _folded_set(_DISTRICT_MARKERS_TEXT)
_ARTICLES = _folded_set(_ARTICLES_TEXT)


def _lexicon_words() -> frozenset[str]:
    words: set[str] = set()
    for path in sorted(chain.from_iterable(_LEXICON_DIR.glob(p) for p in _LEXICON_FILES)):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:  # pragma: no cover - the word lists only widen the guard
            continue
        for line in lines:
            if line.strip() and not line.lstrip().startswith("#"):
                words.update(_words(line, 1000))
    return frozenset(words)
_LAT_PREFIXES = ("fl", "bl", "ml", "f", "l", "b", "m")
_AR_PREFIXES = ("لل", "وف", "وب", "ول", "ف", "ب", "ل", "و")


def _words(text: str, limit: int = MAX_PLACE_INPUT) -> list[str]:
    s = fold(text, limit)
    out: list[str] = []
    word: list[str] = []
    for ch in s:
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def _variants(alias: str) -> set[str]:
    words = _words(alias, 1000)
    if not words:
        return set()
    keys = {"".join(words)}
    first = words[0]
    # "الرباط" is also typed "رباط"; "el jadida" also "jadida".
    if first.startswith("ال") and len(first) > 3:
        keys.add("".join([first[2:], *words[1:]]))
    if first in ("el", "al", "l", "le", "la") and len(words) > 1:
        keys.add("".join(words[1:]))
    return keys


class _Index:
    """Exact keys (a name with blanks and hyphens removed) plus fuzzy lookup."""

    def __init__(self, entries: Iterable[tuple[str, str, bool]]) -> None:
        self.exact: dict[str, str] = {}
        self.ambiguous: set[str] = set()
        self.conflicts: list[tuple[str, str, str]] = []  # (key, kept, dropped): a data bug
        self.word_counts: set[int] = set()
        for alias, value, ambiguous in entries:
            self.word_counts.add(len(_words(alias, 1000)))
            for key in _variants(alias):
                kept = self.exact.setdefault(key, value)
                if kept != value:
                    self.conflicts.append((key, kept, value))
                if ambiguous and self.exact[key] == value:
                    self.ambiguous.add(key)
        self.squashed: dict[str, str] = {}
        self.squashed_ambiguous: set[str] = set()
        for key, value in self.exact.items():
            sq = squash(key)
            if self.squashed.get(sq, value) != value:
                self.squashed[sq] = ""  # two places squash alike: no squashed match
            else:
                self.squashed[sq] = value
            if key in self.ambiguous:
                self.squashed_ambiguous.add(sq)
        self.sorted_keys = sorted(self.exact)
        self.grams: dict[str, list[str]] = {}
        self.gram_count: dict[str, int] = {}
        for key in self.exact:
            grams = _bigrams(key)
            self.gram_count[key] = len(grams)
            for g in grams:
                self.grams.setdefault(g, []).append(key)
        self.longest_key = max(map(len, self.exact), default=0)
        self.longest = max(self.word_counts, default=1)

    def get(self, key: str) -> tuple[str, bool] | None:
        value = self.exact.get(key)
        if value is not None:
            return value, key in self.ambiguous
        sq = squash(key)
        value = self.squashed.get(sq)
        if value:
            return value, sq in self.squashed_ambiguous
        return None

    def near(self, query: str, cap: int) -> tuple[tuple[int, str, bool, str], ...]:
        """(edit distance, value, ambiguous, key) of keys within `cap` edits of the query."""
        return self._near(query, cap)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - the two indexes live for the process
    def _near(self, query: str, cap: int) -> tuple[tuple[int, str, bool, str], ...]:
        grams = _bigrams(query)
        counts = Counter(chain.from_iterable(self.grams.get(g, ()) for g in grams))
        # An insertion, deletion or substitution removes at most two of the longer
        # string's bigrams (a swap three): keys sharing fewer are too far to check.
        slack = 2 * cap + 1
        need = len(grams) - slack
        out: list[tuple[int, str, bool, str]] = []
        for key in [k for k, shared in counts.items() if shared >= need]:
            if counts[key] < self.gram_count[key] - slack or abs(len(key) - len(query)) > cap:
                continue
            d = _distance(query, key, cap)
            if d <= cap:
                out.append((d, self.exact[key], key in self.ambiguous, key))
        return tuple(sorted(out))

    def prefixed(self, query: str) -> list[str]:
        """Values of keys that start with the query ("sidi", "beni")."""
        i = bisect.bisect_left(self.sorted_keys, query)
        out: list[str] = []
        while i < len(self.sorted_keys) and self.sorted_keys[i].startswith(query):
            out.append(self.exact[self.sorted_keys[i]])
            i += 1
        return out


def _bigrams(key: str) -> set[str]:
    padded = f"^{key}$"
    return {padded[i:i + 2] for i in range(len(padded) - 1)}


def _distance(a: str, b: str, cap: int) -> int:
    """Optimal string alignment distance (edits and adjacent swaps), stopping past cap."""
    if a == b:
        return 0
    n = len(b)
    prev2: list[int] = []
    prev = list(range(n + 1))
    for i in range(1, len(a) + 1):
        ca = a[i - 1]
        cur = [i] * (n + 1)
        row_min = i
        for j in range(1, n + 1):
            cb = b[j - 1]
            v = prev[j - 1] if ca == cb else prev[j - 1] + 1
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v
            if v < row_min:
                row_min = v
        if row_min > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[n]


def _alias_entries(name_fr: str, name_ar: str, extra: str, value: str):
    yield name_fr, value, False
    yield name_ar, value, False
    yield value.replace("-", " "), value, False
    for alias in extra.split(";"):
        alias = alias.strip()
        if alias:
            yield alias.rstrip("*"), value, alias.endswith("*")


_DISTRICT_PREFIX = "@"  # index values for districts: "@gueliz"; cities are plain ids

_CITY_INDEX = _Index(chain(
    (entry for cid, fr, ar, _, extra in _CITY_DATA
     for entry in _alias_entries(fr, ar, extra, cid)),
    ((alias.strip(), _DISTRICT_PREFIX + did, False)
     for did, _, extra in _DISTRICT_DATA
     for alias in [did.replace("-", " "), *extra.split(";")] if alias.strip()),
))
_REGION_INDEX = _Index(
    entry for rid, fr, ar, extra in _REGION_DATA for entry in _alias_entries(fr, ar, extra, rid)
)
# Everyday words are never typos of a place, unless they are one of its spellings
# ("safi" = "enough" is also Safi: that case is handled as an ambiguous alias).
_COMMON_WORDS = (_folded_set(_COMMON_WORDS_TEXT) | _lexicon_words()) - frozenset(
    chain(_CITY_INDEX.exact, _REGION_INDEX.exact))


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: str
    ambiguous: bool
    prefixed: bool  # found after stripping a glued "f"/"mn"/"ف"... from the first word


def _prefix_forms(word: str) -> list[str]:
    prefixes = _LAT_PREFIXES if word.isascii() else _AR_PREFIXES
    return [word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= 3]


def _exact_hits(words: list[str], index: _Index) -> list[_Hit]:
    hits: list[_Hit] = []
    for i, first in enumerate(words):
        forms = [(first, False)]
        if first not in index.exact:
            forms += [(stripped, True) for stripped in _prefix_forms(first)]
        for n in range(min(index.longest, len(words) - i), 0, -1):
            rest = "".join(words[i + 1:i + n])
            for form, prefixed in forms:
                key = form + rest
                if len(key) > index.longest_key:
                    continue
                found = index.get(key)
                if found is not None:
                    hits.append(_Hit(i, i + n, found[0], found[1], prefixed))
                    break
    # Drop hits inside a longer one ("fes" inside "fes meknes").
    return [h for h in hits
            if not any(o is not h and o.start <= h.start and h.end <= o.end
                       and o.end - o.start > h.end - h.start for o in hits)]


def _is_district(value: str) -> bool:
    return value.startswith(_DISTRICT_PREFIX)


def _cities_of(value: str) -> tuple[str, ...]:
    """The city ids an index value stands for: itself, or a district's cities."""
    if _is_district(value):
        return DISTRICTS[value.removeprefix(_DISTRICT_PREFIX)][0]
    return (value,)


def _best_hit(words: list[str], hits: list[_Hit]) -> _Hit | None:
    content = [i for i, w in enumerate(words) if w not in _STOPWORDS]
    # A city named outright beats a district ("agdal, rabat"), then the first said.
    for h in sorted(hits, key=lambda h: (h.ambiguous, _is_district(h.value), h.start)):
        if not h.ambiguous:
            return h
        # An everyday word ("safi" = enough, "jdida" = new) is a place only when it
        # is the whole answer or follows "f", "mn", "في", "من"...
        alone = all(h.start <= i < h.end for i in content)
        after_locative = h.prefixed or (h.start > 0 and words[h.start - 1] in _LOCATIVES)
        if alone or after_locative:
            return h
    return None


def _cap(length: int) -> int:
    return 1 if length <= 5 else 2


def _letters(key: str) -> int:
    """Letters that count as evidence: the Arabic article "ال" is not part of a name."""
    return len(key) - 2 if key.startswith("ال") and len(key) > 4 else len(key)


def _sure(d: int, query: str, key: str) -> bool:
    """Is one typed word, `d` edits from a name, that name without asking? Only for
    long words: "casablnca" is Casablanca, but "chkoun" is not Chefchaouen ("chaoun")."""
    shorter = min(_letters(query), _letters(key))
    return (d == 1 and shorter >= 7) or (d == 2 and shorter >= 10)


def _in_district(words: list[str], start: int, end: int) -> bool:
    """Is words[start:end] a district or village name: after "hay", "derb", "douar",
    "حي"... (articles skipped: "hay el mohammadi"), or containing one?"""
    if any(w in _DISTRICT_MARKERS for w in words[start:end]):
        return True
    i = start - 1
    while i >= 0 and words[i] in _ARTICLES:
        i -= 1
    return i >= 0 and words[i] in _DISTRICT_MARKERS


def _fuzzy(words: list[str], index: _Index) -> tuple[str | None, list[str]]:
    """(confident value or None, suggestions best first) for typos of a name."""
    content = [w for w in words if w not in _STOPWORDS and not w.isdigit()]
    if len(content) > _MAX_FUZZY_WORDS:
        return None, []  # a long sentence naming no known place: its words are not typos

    def typo_like(w: str) -> bool:
        return w not in _STOPWORDS and w not in _COMMON_WORDS and not w.isdigit()

    # (query, is a district or village name)
    queries: list[tuple[str, bool]] = [
        (w, _in_district(words, i, i + 1)) for i, w in enumerate(words)
        if len(w) >= 4 and typo_like(w)
    ]
    # Several words typed as one name: "beni melal", "at melloul" ("at" alone is a
    # stopword). Long stopwords ("suis", "salam") are never part of a name, and a
    # span of everyday words ("chkoun nta") is not one.
    for n in (2, 3):
        for i in range(len(words) - n + 1):
            span = words[i:i + n]
            if any(typo_like(w) for w in span) and not any(
                w.isdigit() or (len(w) >= 4 and w in _STOPWORDS) for w in span
            ):
                queries.append(("".join(span), _in_district(words, i, i + n)))
    # value -> (distance, -query length, ambiguous): fewer slips first, then the one
    # that explains more of the text ("fqih ben salah" over "salah").
    best: dict[str, tuple[int, int, bool]] = {}
    sure: set[str] = set()
    for q, district in queries[:_MAX_FUZZY_QUERIES]:
        for d, value, ambiguous, key in index.near(q, _cap(len(q))):
            score = (d, -len(q), ambiguous)
            if value not in best or score < best[value]:
                best[value] = score
                sure.discard(value)
            # A close slip in a long name (any of the equally close spellings); never in
            # a district's name (it only suggests its cities) nor in a word after "hay"...
            if (score == best[value] and _sure(d, q, key) and not ambiguous
                    and not district and not _is_district(value)):
                sure.add(value)
    # Ties end on the value itself: the answer never depends on set order (hash seed).
    ranked = sorted(best, key=lambda v: (best[v], _RANK.get(_cities_of(v)[0], 0), v))
    if ranked:
        unique = len(ranked) == 1 or best[ranked[1]][:2] > best[ranked[0]][:2]
        if unique and ranked[0] in sure:
            return ranked[0], ranked
        return None, ranked
    # "sidi", "beni": the start of several city names (not of districts).
    prefixed: list[str] = []
    for q, _ in queries:
        if len(q) >= 4:
            for value in index.prefixed(q):
                if value not in prefixed and not _is_district(value):
                    prefixed.append(value)
    return None, sorted(prefixed, key=lambda v: _RANK.get(_cities_of(v)[0], 0))


def _suggest(values: Iterable[str]) -> tuple[City, ...]:
    """Up to 3 cities for index values (a district gives its cities), best first."""
    out: list[City] = []
    for value in values:
        for cid in _cities_of(value):
            if CITIES[cid] not in out:
                out.append(CITIES[cid])
    return tuple(out[:3])


def match_city(text: str) -> CityMatch:
    """The city named in the text ("casa", "dar lbida", "ana f casa", "je suis à Fès",
    "من مراكش", "sidi moumen"); else up to 3 suggestions to confirm (a near miss, a
    district several cities have: "agdal"); else nothing."""
    try:
        words = _words(text)
        hit = _best_hit(words, _exact_hits(words, _CITY_INDEX))
        if hit is not None:
            if not _is_district(hit.value):
                return CityMatch(CITIES[hit.value], ())
            cities, sure = DISTRICTS[hit.value.removeprefix(_DISTRICT_PREFIX)]
            if sure:
                return CityMatch(CITIES[cities[0]], ())
            return CityMatch(None, _suggest([hit.value]))
        confident, ranked = _fuzzy(words, _CITY_INDEX)
        if confident is not None:
            return CityMatch(CITIES[confident], ())
        return CityMatch(None, _suggest(ranked))
    except (ValueError, IndexError, KeyError):  # pragma: no cover - defensive
        return CityMatch(None, ())


# Words that never name a place, whatever else the text says ("chkoun", "salam", "oui").
_NEVER_A_PLACE = _STOPWORDS | _folded_set(_COMMON_WORDS_TEXT)


def names_a_place(text: str) -> bool:
    """Whether an unknown answer could be a town or village nobody listed (a douar):
    False for "chkoun?", "salam wakha", "شكون", a bare number."""
    return any(w not in _NEVER_A_PLACE and not w.isdigit() for w in _words(text))


def _region_of(value: str) -> Region | None:
    """The region of a city, or of a district of exactly one city."""
    if _is_district(value):
        cities, sure = DISTRICTS[value.removeprefix(_DISTRICT_PREFIX)]
        return REGIONS[CITIES[cities[0]].region_id] if sure else None
    return REGIONS[CITIES[value].region_id]


def match_region(text: str) -> Region | None:
    """The region named in the text in any language or spelling ("souss", "الشرق",
    "Fès-Meknès"), or by its official number 1-12 ("6", "jiha 6", "٦"); a city name
    gives its region. None when nothing matches confidently."""
    try:
        words = _words(text)
        content = [w for w in words if w not in _REGION_FILLER]
        if len(content) == 1 and content[0].isdigit() and len(content[0]) <= 2:
            number = int(content[0])
            return list(REGIONS.values())[number - 1] if 1 <= number <= 12 else None
        hit = _best_hit(words, _exact_hits(words, _REGION_INDEX))
        if hit is not None:
            return REGIONS[hit.value]
        city = _best_hit(words, _exact_hits(words, _CITY_INDEX))
        if city is not None and (region := _region_of(city.value)) is not None:
            return region
        confident, _ = _fuzzy(words, _REGION_INDEX)
        if confident is not None:
            return REGIONS[confident]
        confident, _ = _fuzzy(words, _CITY_INDEX)
        if confident is not None:
            return REGIONS[CITIES[confident].region_id]
        return None
    except (ValueError, IndexError, KeyError):  # pragma: no cover - defensive
        return None
