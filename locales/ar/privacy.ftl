## retention — بياناتكم (القانون رقم 09.08): الموافقة، « بياناتي »
## الكلمات التي تُكتب للاطلاع على البيانات: flows/langdata/privacy.tsv

ask_consent = قبل أن نبدأ، هذا ما نفعله ببياناتكم (القانون رقم 09.08).

    { consent_terms }

    هل توافقون على ذلك؟
# What is collected, who sees it, how long, the rights: in the consent, and before an
# owner confirms a draft an agent filled in.
consent_terms =
    📋 ما نسجّله: اسم الشركة واسمكم، والمدينة، والقطاع، والمعرّف الموحد للمقاولة (ICE)، ورقم الهاتف، والبريد الإلكتروني، ومنتجاتكم (نصوصها وأسعارها)، وصورها، ورسائلكم الصوتية.

    👀 من يطّلع عليها: فريق تجارة، والوكيل الذي يرافقكم إن وُجد. وبعد قبول الملف، تتسلّم المنصة الملف كاملًا، وتعرض صفحتكم العمومية الشركة (الاسم، والمدينة، والقطاع) ومنتجاتكم (الصور، والنصوص، والأسعار).

    ⏳ مدة الحفظ: ما دامت صفحتكم قائمة. ويُحذف الملف غير المكتمل بعد { $draft_days } يومًا دون أخبار، والملف المرفوض بعد { $rejected_days } يومًا.

    ✋ حقوقكم، في أي وقت:
    « بياناتي » للاطلاع على كل شيء؛
    « احذف بياناتي » لحذف كل شيء؛
    وللتصحيح: « تعديل » في الملخص، أو راسلونا.
    { $contact }
consent_contact = 📮 لأي سؤال عن بياناتكم: { $contact }
consent_contact_chat = 📮 لديكم سؤال عن بياناتكم؟ اكتبوه هنا وسيجيبكم الفريق.
consent_updated = حدّثنا النص الذي يشرح ما نفعله ببياناتكم. لا يتغيّر شيء في ملفكم: اقرؤوه، ثم أخبرونا هل توافقون.
consent_thanks = شكرًا! نكمل من حيث توقفتم.
consent_again_declined = مفهوم: لن نستعمل بياناتكم ما لم توافقوا. لحذف كل شيء، اكتبوا « احذف بياناتي ». وإذا غيّرتم رأيكم، أجيبوا بـ« نعم ».

my_data_summary = هذا كل ما لدينا عنكم:
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 رقم ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    📷 الصور: { $photo_count }، 🎙️ الرسائل الصوتية: { $voice_count }
    📌 { $status }
    👀 من يطّلع عليها:
    { $seen_by }
    ✅ { $consent }
my_data_status_draft = لم يُرسل بعد، وأنتم بصدد ملئه.
my_data_status_review = أُرسلت النسخة { $revision }، وهي قيد المراجعة.
my_data_status_changes = النسخة { $revision }: طلب منكم الفريق بعض التصحيحات.
my_data_status_approved = قُبلت النسخة { $revision }.
my_data_status_rejected = رُفضت النسخة { $revision }.
my_data_status_live = النسخة { $revision } منشورة على المنصة.
my_data_seen_nobody = • لا أحد من فريق تجارة بعد: لم يُرسل شيء
my_data_seen_team = • فريق تجارة
my_data_seen_agent = • { $name }، وكيل تجارة الذي يرافقكم
my_data_seen_marketplace = • المنصة (الملف كاملًا)
my_data_seen_public = • الجميع: تعرض صفحتكم العمومية الشركة ومنتجاتكم { $url }
my_data_consent = وافقتم بتاريخ { $date }.
my_data_no_consent = لم توافقوا بعد.
my_data_link = 📦 تنزيل كل شيء في ملف ZIP (بياناتكم وصوركم ورسائلكم الصوتية): { $url }
    هذا الرابط خاص بكم وصالح لمدة { $days } أيام: لا تشاركوه مع أحد.
my_data_link_refused = هذا الرابط لم يعد صالحًا: انتهت مدته أو أنه ناقص. اكتبوا « بياناتي » في محادثتكم مع تجارة لتتسلّموا رابطًا جديدًا.
my_data_gone = لم تعد لدينا أي بيانات وراء هذا الرابط.
# Typed for "my data" (more spellings and sentences in flows/langdata/privacy.tsv).
words_my_data = بياناتي, معطياتي
# README.txt of the "my data" ZIP.
my_data_readme = تجارة: كل ما لدينا عنكم (القانون رقم 09.08). ملف data.json: كل معلومة نحتفظ بها كما هي مسجلة. المجلدان photos/ و voice/: ملفاتكم (يذكر data.json بصمة sha256 لكل ملف).
