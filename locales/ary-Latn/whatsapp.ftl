### Tijara — WhatsApp (Twilio): chno kayzid had l canal l les messages.
### Bla boutons, l ikhtiyarat kaytkteb b r9m; l patron kayjawb b r9m wla b l kelma.

whatsapp_choose_by_number = Jawb b r9m wla kteb l kelma.
whatsapp_or_choose_by_number = Wla jawb b r9m:
