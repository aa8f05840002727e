## The buyers' questions (flows/buyerq.py): after the products, each can be skipped.

section_buyer = أسئلة المشترين
ask_buyer_questions = ملفكم على وشك الاكتمال. يطرح المشترون المحترفون (في أمريكا الشمالية) أولًا بعض الأسئلة: الكمية الشهرية، مدة التجهيز، الشهادات، التصدير، التغليف. الأجوبة القصيرة تجعل صفحتكم أكثر جدية، ويمكن تخطي كل سؤال. هل نبدأ؟
btn_buyerq_start = نعم، لنبدأ
btn_buyerq_later = تخطي الكل
ask_capacity = المنتج { $number } «{ $product }»: كم يمكنكم إنتاج منه في الشهر؟ (مثلًا: { $example } في الشهر)
invalid_capacity = اكتبوا الكمية برقم، مثلًا: 200 لتر في الشهر أو 500 قطعة في الشهر. أو تخطوا السؤال.
ask_lead_time = لطلبية أولى من «{ $product }»: كم من الوقت تحتاجون قبل الشحن؟ (مثلًا: 15 يومًا، 3 أسابيع)
invalid_lead_time = اكتبوا المدة بالأيام أو الأسابيع أو الأشهر، مثلًا: 3 أسابيع. أو تخطوا السؤال.
ask_certifications = هل لديكم شهادات؟ اختاروها واحدة تلو الأخرى، أو اكتبوها (مثلًا: «عضوي و ONSSA»).
ask_certifications_more = تم التسجيل:
    { $chosen }
    شهادة أخرى؟ وإلا فاختاروا «انتهيت».
cert_organic = عضوي / ECOCERT
cert_fairtrade = التجارة العادلة
cert_onssa = ONSSA
cert_iso = ISO
btn_cert_none = لا توجد شهادة
invalid_certifications = اختاروا شهادة من القائمة أو «لا توجد شهادة»، أو تخطوا السؤال.
ask_certificate = شهادة { $cert }: ما الجهة التي منحتها، وما رقمها وتاريخ انتهاء صلاحيتها؟ مثلًا: { $example }
invalid_certificate = لم أجد رقمًا ولا تاريخًا. اكتبوا مثلًا: { $example } أو تخطوا السؤال.
certificate_noted = ✅ { $cert }: صادرة عن { $body }، رقم { $number }، صالحة حتى { $expires }.
ask_fda = لكي يُباع في الولايات المتحدة، يجب أن يأتي الغذاء أو مستحضر التجميل من منشأة مسجلة لدى إدارة الغذاء والدواء الأمريكية (FDA). هل منشأتكم مسجلة؟
btn_fda_unknown = لا أعرف
ask_export = هل سبق لكم التصدير؟
export_never = أبدًا
export_few = بضع مرات
export_regular = بانتظام
ask_export_countries = إلى أي بلدان؟ (مثلًا: فرنسا، إسبانيا، كندا)
ask_packaging = السؤال الأخير: كيف تُغلَّف منتجاتكم للشحن؟ (مثلًا: قنينات زجاجية سعة 250 مل، 24 في كل كرتونة)

words_cert_organic = عضوي, عضوية, بيو, بيولوجي, ايكوسيرت, زراعة عضوية
words_cert_fairtrade = التجارة العادلة, تجارة عادلة, التجارة المنصفة
words_cert_onssa = أونسا, اونسا, المكتب الوطني للسلامة الصحية
words_cert_iso = إيزو, ايزو, أيزو
words_cert_none = لا توجد, لا توجد شهادة, لا شهادة, ليس لدينا شهادات, لا نملك شهادة
words_fda_unknown = لا أعرف, لا اعرف, لا أدري, لا ادري
words_export_never = أبدا, ابدا, لم نصدر, لم نصدر أبدا, ليس بعد
words_export_few = بضع مرات, أحيانا, مرة أو مرتين, نادرا
words_export_regular = بانتظام, باستمرار, غالبا, كل سنة
