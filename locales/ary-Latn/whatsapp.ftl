### Tijara — WhatsApp (Twilio): chno kayzid had l canal l les messages.
### Bla boutons, l ikhtiyarat kaytktbo b ra9m; mol l machro3 kayjawb b ra9m wla b l kelma.

whatsapp_choose_by_number = Jawbo b ra9m wla ktbo l kelma.
whatsapp_or_choose_by_number = Wla jawbo b ra9m:
