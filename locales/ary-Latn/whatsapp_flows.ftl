## whatsapp_flows — the form as a WhatsApp Flow (docs/whatsapp-flows/, bot/channels/whatsapp)

form_field_error = • { $field }: { $error }
form_taken = Had l formulaire wslna deja. Nkmlo hna:
notice_flow_refused = Ma 9dernach n9raw had l formulaire. Nkmlo hna:
flow_ui_product = Sel3a dyalkom
flow_ui_intro = 3mmro ghir dakchi li 3arfin, w lba9i nsswlokom 3lih f lhdra. Tsawer sifttohom f lhdra.
flow_offer_body = Wla 3mmro kolchi merra w7da f had l formulaire:
flow_offer_button = 7ello l formulaire
