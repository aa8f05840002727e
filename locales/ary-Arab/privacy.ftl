## retention — المعلومات ديالكم (القانون رقم 09.08): الموافقة، « المعلومات ديالي »
## الكلمات اللي كيكتبو الناس باش يشوفو المعلومات ديالهم: flows/langdata/privacy.tsv

ask_consent = قبل ما نبداو، ها شنو كنديرو بالمعلومات ديالكم (القانون رقم 09.08).

    { consent_terms }

    واش موافقين؟
# What is collected, who sees it, how long, the rights: in the consent, and before an
# owner confirms a draft an agent filled in.
consent_terms =
    📋 شنو كنسجلو: سمية الشركة والسمية ديالكم، المدينة، المجال، الـICE، نمرة التيليفون، الإيميل، السلعة ديالكم (الكتابة والثمن)، التصاور ديالها والأوديوات اللي صيفطتو.

    👀 شكون كيشوفها: الفريق ديال تجارة، والوكيل اللي كيتبعكم إلا كان. ملي يتقبل الملف، المنصة كتاخد الملف كامل، والصفحة ديالكم اللي كيشوفها الناس كتبين الشركة (السمية، المدينة، المجال) والسلعة (التصاور، الكتابة، الثمن).

    ⏳ شحال كنخليوها: مادام الصفحة ديالكم كاينة. الملف اللي ما تكملش كيتمسح من بعد { $draft_days } يوم بلا أخبار، والملف اللي ترفض من بعد { $rejected_days } يوم.

    ✋ الحقوق ديالكم، ف أي وقت:
    « المعلومات ديالي » باش تشوفو كلشي؛
    « مسح المعلومات ديالي » باش تمسحو كلشي؛
    باش تصححو: « تصحيح » ف الملخص، ولا كتبو لينا.
    { $contact }
consent_contact = 📮 إلا عندكم شي سؤال على المعلومات ديالكم: { $contact }
consent_contact_chat = 📮 عندكم شي سؤال على المعلومات ديالكم؟ كتبوه هنا، والفريق غادي يجاوبكم.
consent_updated = بدلنا الكلام اللي كيشرح شنو كنديرو بالمعلومات ديالكم. الملف ديالكم ما تبدل فيه والو: قراوه، وقولو لينا واش موافقين.
consent_thanks = شكرا! نكملو من فين وقفتو.
consent_again_declined = فهمناكم: ما غاديش نستعملو المعلومات ديالكم حتى توافقو. باش تمسحو كلشي، كتبو « مسح المعلومات ديالي ». إلا بدلتو الراي، جاوبو ب « إيه ».

my_data_summary = ها كلشي اللي عندنا عليكم:
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 الـICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    📷 التصاور: { $photo_count }، 🎙️ الأوديوات: { $voice_count }
    📌 { $status }
    👀 شكون كيشوفها:
    { $seen_by }
    ✅ { $consent }
my_data_status_draft = مازال ما تصيفطش، راكم كتعمروه.
my_data_status_review = النسخة { $revision } تصيفطات، وكنراجعوها.
my_data_status_changes = النسخة { $revision }: الفريق طلب منكم تصححو شي حوايج.
my_data_status_approved = النسخة { $revision } تقبلات.
my_data_status_rejected = النسخة { $revision } ترفضات.
my_data_status_live = النسخة { $revision } طالعة ف المنصة.
my_data_seen_nobody = • حتى واحد من الفريق ديال تجارة مازال: ما تصيفط والو
my_data_seen_team = • الفريق ديال تجارة
my_data_seen_agent = • { $name }، الوكيل ديال تجارة اللي كيتبعكم
my_data_seen_marketplace = • المنصة (الملف كامل)
my_data_seen_public = • الناس كاملين: الصفحة ديالكم كتبين الشركة والسلعة { $url }
my_data_consent = وافقتو نهار { $date }.
my_data_no_consent = مازال ما وافقتوش.
my_data_link = 📦 تيليشارجيو كلشي ف فيشي ZIP (المعلومات، التصاور والأوديوات): { $url }
    هاد الرابط ديالكم بوحدكم وخدام { $days } أيام: ما تعطيوهش لحتى واحد.
my_data_link_refused = هاد الرابط ما بقاش صالح: سالا الوقت ديالو ولا ناقص. كتبو « المعلومات ديالي » ف المحادثة مع تجارة باش توصلكم رابط جديد.
my_data_gone = ما بقات عندنا حتى معلومة ف هاد الرابط.
# Typed for "my data" (more spellings and sentences in flows/langdata/privacy.tsv).
words_my_data = المعلومات ديالي, معلوماتي
# README.txt of the "my data" ZIP.
my_data_readme = تجارة: كلشي اللي عندنا عليكم (القانون 09.08). data.json: كل معلومة كنحتافظو بيها كيف ما تسجلات. photos/ و voice/: الملفات ديالكم (data.json فيه البصمة sha256 ديال كل ملف).
