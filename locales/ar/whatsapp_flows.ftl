## whatsapp_flows — the form as a WhatsApp Flow (docs/whatsapp-flows/, bot/channels/whatsapp)

form_field_error = • { $field }: { $error }
form_taken = وصلتنا هذه الاستمارة من قبل. لنكمل هنا:
notice_flow_refused = تعذرت علينا قراءة هذه الاستمارة. لنكمل هنا:
flow_ui_product = منتوجكم
flow_ui_intro = املؤوا ما تعرفونه، وسنسألكم عن الباقي في المحادثة. أرسلوا الصور في المحادثة.
flow_offer_body = أو املؤوا كل شيء دفعة واحدة في هذه الاستمارة:
flow_offer_button = فتح الاستمارة
