## whatsapp_flows — the form as a WhatsApp Flow (docs/whatsapp-flows/, bot/channels/whatsapp)

form_field_error = • { $field } : { $error }
form_taken = Ce formulaire nous est déjà parvenu. Continuons ici :
notice_flow_refused = Nous n'avons pas pu lire ce formulaire. Continuons ici :
flow_ui_product = Votre produit
flow_ui_intro = Remplissez ce que vous savez ; le reste, nous le demanderons dans la conversation. Les photos, envoyez-les dans la conversation.
flow_offer_body = Ou remplissez tout d'un coup dans ce formulaire :
flow_offer_button = Ouvrir le formulaire
