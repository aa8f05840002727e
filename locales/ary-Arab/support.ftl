## support — شي حد تهضرو معاه (flows/support.py)

help_support = إلا بغيتو تهضرو مع شي حد من الفريق ديال تجارة، كتبو «بغيت نهضر مع شي حد».
support_opened = واخا: شي حد من الفريق ديال تجارة غادي يجاوبكم هنا، { $when }. حتى لداك الوقت البوت غادي يسكت؛ كتبو السؤال ديالكم، الميساجات والتصاور ديالكم كيوصلو ليه. الملف ديالكم بحال ما هو، ما تمسح والو.
support_when_unknown = ف أقرب وقت
support_when_soon = ف هاد الدقايق الجايين
support_when_today = اليوم من { $time } (بالوقت ديال المغرب)
support_when_tomorrow = غدا من { $time } (بالوقت ديال المغرب)
support_when_day = نهار { $day } من { $time } (بالوقت ديال المغرب)
support_day_0 = التنين
support_day_1 = التلات
support_day_2 = الأربعا
support_day_3 = الخميس
support_day_4 = الجمعة
support_day_5 = السبت
support_day_6 = الحد
support_waiting = شي حد من الفريق ديال تجارة غادي يجاوبكم هنا. كتبو ليه شنو بغيتو، غادي يقراه.
support_answer = 💬 { $name } (الفريق ديال تجارة):
    { $text }
support_closed = سالات الهضرة مع الفريق ديال تجارة. نكملو الملف ديالكم من فين وقفتو.
words_support = نهضر مع شي حد, بغيت نهضر مع شي حد, مستشار, الكونساي, شي حد, بنادم
