## whatsapp_flows — the form as a WhatsApp Flow (docs/whatsapp-flows/, bot/channels/whatsapp)

form_field_error = • { $field }: { $error }
form_taken = هاد الفورمولير وصلنا ديجا. نكملو هنا:
notice_flow_refused = ما قدرناش نقراو هاد الفورمولير. نكملو هنا:
flow_ui_product = السلعة ديالكم
flow_ui_intro = عمرو غير داكشي اللي عارفين، والباقي نسولوكم عليه ف الهضرة. التصاور صيفطوهم ف الهضرة.
flow_offer_body = ولا عمرو كلشي مرة وحدة ف هاد الفورمولير:
flow_offer_button = حلو الفورمولير
