## Changes after sending (flows/changes.py): the menu, each change in one line, the new
## revision sent for review, and how long a review usually takes (REVIEW_TIME_HINT).

btn_change_menu = نبدل شي حاجة
btn_change_price = الثمن
btn_change_photos = التصاور
btn_change_description = الوصف
btn_change_moq = أقل كمية
btn_change_add_product = نزيد منتوج آخر
btn_change_remove_product = نحيد منتوج
btn_change_none = والو، شكرا
btn_send_changes = نصيفط التبديلات
btn_photo_replace = نبدل وحدة
btn_photo_add = نزيد تصاور
btn_photo_remove = نحيد وحدة

change_menu = شنو بغيتو تبدلو؟ الفريق ديالنا كيشوف كل تبديل قبل ما يوصل للصفحة ديالكم ف المنصة؛ حتى لداك الساعة ما كيتبدل والو.
change_which_product = { $change }: ديال أنا منتوج؟
change_photos = « { $product } » عندو { $count ->
        [one] تصويرة وحدة
        [2] جوج تصاور
       *[other] { $count } تصاور
    }. بغيتو تبدلو وحدة، تزيدو، ولا تحيدو وحدة؟
change_photo_which = أنا تصويرة نحيدو؟ التصاور مرقمين بالترتيب اللي صيفطتوهم بيه.
change_last_product = الصفحة ديالكم خاصها تبقى فيها على الأقل منتوج واحد: زيدو واحد آخر قبل ما تحيدو هادا.
change_last_photo = كل منتوج خاصو يبقى عندو على الأقل تصويرة وحدة: يمكن تبدلوها بوحدة حسن.
change_nothing = واخا، ما تبدل والو. كتبو « نبدل » فوقاش ما بغيتو.
change_done_field = ✅ { $field } ديال المنتوج { $number }: تبدل. شي حاجة خرى تبدلوها، ولا نصيفطو التبديلات؟
change_done_added = ✅ تزاد المنتوج { $number } « { $product } ». شي حاجة خرى تبدلوها، ولا نصيفطو التبديلات؟
change_done_removed = ✅ تحيد « { $product } ». شي حاجة خرى تبدلوها، ولا نصيفطو التبديلات؟
change_incomplete = باقي خاص « { $field } » ف المنتوج { $number }:
changes_sent = ✅ التبديلات ديالكم تصيفطو. الفريق ديالنا غادي يشوفهم، من بعد نزيدوهم ف الصفحة ديالكم.
    { $time }
changes_sent_live = ✅ التبديلات ديالكم تصيفطو. الفريق ديالنا غادي يشوفهم، من بعد نزيدوهم ف الصفحة ديالكم. حتى لداك الساعة، الصفحة ديالكم باقا طالعة كيف ما هي.
    { $time }
changes_under_review = التبديلات ديال « { $business_name } » كيتراجعو دابا.
    { $time }
changes_under_review_live = التبديلات ديال « { $business_name } » كيتراجعو دابا. الصفحة ديالكم باقا طالعة كيف ما كانت: { $url }
    { $time }
review_time_hours = المراجعة كتاخد عادة { $count ->
        [one] ساعة
        [2] ساعتين
       *[other] { $count } ساعات
    }. غادي نكتبو ليكم هنا ملي تسالي.
review_time_working_days = المراجعة كتاخد عادة { $count ->
        [one] نهار ديال الخدمة
        [2] جوج أيام ديال الخدمة
       *[other] { $count } أيام ديال الخدمة
    }. غادي نكتبو ليكم هنا ملي تسالي.
review_time_days = المراجعة كتاخد عادة { $count ->
        [one] نهار
        [2] جوج أيام
       *[other] { $count } أيام
    }. غادي نكتبو ليكم هنا ملي تسالي.
review_time_unknown = غادي نكتبو ليكم هنا ملي تسالي المراجعة.
decision_changes_approved = خبار زوينة: التبديلات ديال « { $business_name } » تقبلو! كنبدلو الصفحة ديالكم ف المنصة وغادي نكتبو ليكم ملي تكون واجدة.
decision_updated = الصفحة ديالكم فيها دابا التبديلات ديالكم: { $url }
change_reminder = السلام! التبديلات ديال « { $business_name } » باقي ما تصيفطوش: الصفحة ديالكم غادي تبقى كيف ما كانت حتى يتصيفطو ويتقبلو.

words_change = نبدل, بغيت نبدل, تبديل, نبدل شي حاجة, بغيت نبدل شي حاجة, بغيت نصلح, نصلح شي حاجة, نعدل, بغيت نعدل
words_change_price = بغيت نبدل الثمن, نبدل الثمن, بدل الثمن, تبديل الثمن, الثمن, ثمن جديد, بغيت نبدل البري, نبدل البري, البري
words_change_photos = بغيت نبدل التصويرة, نبدل التصويرة, نبدل التصاور, بغيت نبدل التصاور, تصويرة جديدة, تصاور جداد, نزيد تصويرة, نزيد تصاور, نحيد تصويرة, التصاور, التصويرة
words_change_description = بغيت نبدل الوصف, نبدل الوصف, وصف جديد, الوصف
words_change_moq = بغيت نبدل الكمية, نبدل الكمية, أقل كمية, الكمية
words_change_add_product = زيد منتوج, نزيد منتوج, بغيت نزيد منتوج, منتوج جديد, نزيد منتوج آخر, زيد واحد آخر
words_change_remove_product = حيد منتوج, نحيد منتوج, بغيت نحيد منتوج, مسح منتوج, نمسح منتوج
